-- What the rollups (R__account_month.sql, R__rep_tier_month.sql, R__rep_week.sql, R__frt_week.sql,
-- R__support_rollups.sql) share: the rebuild a settings change triggers, and the consistency check. A
-- rollup added later adds itself to both.

-- settings: the time zone places every month and week (flat accounts' months, the horizon without
-- revenue rows, ratings, tickets): a time zone change, or settings inserted or deleted, rebuilds every
-- table. account_support_month (and its sums) follows account_month's rebuild, through its trigger on
-- account_month, so it is not rebuilt a second time here. Threshold and segment bound changes
-- rebuild only the tables they concern (their own triggers).
create or replace function rollups_rebuild() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_month(null);
    perform refresh_rep_tier_month(null, null, true);
    perform refresh_rep_week(null, null, true);
    perform refresh_frt_week(null, null, true);
    return null;
end $$;

create or replace trigger settings_rollups_time_zone after update of time_zone on settings
    for each row when (old.time_zone is distinct from new.time_zone) execute function rollups_rebuild();
create or replace trigger settings_rollups_insert_delete after insert or delete or truncate on settings
    for each statement execute function rollups_rebuild();

-- The consistency check (tests, and an admin's "verify rollups"): each table against its from-scratch
-- view <table>_history (for indicator_month and contact_month, the sums of account_support_month, itself
-- checked against its own), rows in the table only ('stale') or in the view only ('missing'); none when
-- consistent.
create or replace function rollup_differences() returns table (rollup text, difference text, row_text text)
    language plpgsql stable as $$
declare
    t text;
begin
    foreach t in array array ['account_month', 'rep_tier_month', 'rep_week', 'frt_week',
                                  'account_support_month', 'indicator_month', 'contact_month']
        loop
            return query execute format(
                    'select %1$L, ''stale'', r::text from (select * from %1$I except all select * from %2$I) r'
                        || ' union all '
                        || 'select %1$L, ''missing'', r::text from (select * from %2$I except all select * from %1$I) r',
                    t, t || '_history');
        end loop;
end $$;

