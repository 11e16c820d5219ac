-- Rollup of MRR by account and month (issue 9, docs/scaling.md section 5): what MetricScope's
-- account_mrr computes per account, independently of any filter, kept in a table so that a metric
-- reads the rows of the months it shows instead of expanding account_month_mrr for every account
-- and month of history on each request. The tables account_month and rollup_state are V4's.
--
-- The current definition of every view, function and trigger of this rollup (a repeatable migration,
-- re-run whenever this file changes; rollups_rebuild and rollup_differences are in R__rollups.sql).
-- One definition: the view account_month_history computes the rows from scratch from
-- account_month_mrr (V2); the table account_month holds them. Triggers on every table the
-- definition reads (revenue, accounts, settings) recompute, after each statement, the rows of the
-- accounts the statement changed, so every write path (import upserts, demo COPY, plain inserts,
-- deletes, truncates, settings changes) leaves the table equal to the view. A new reporting horizon
-- adds a month to every account: that, and a time zone change, rebuild the whole table.

-- one row per account and month from the account's first month to the reporting horizon: the
-- months after a flat account's last row (its churn) are MRR 0, like the gaps of a revenue history.
-- prev_mrr = MRR(m-1), mrr_12_ago = MRR(m-12) (0 before the first month), cohort = first month with
-- MRR > 0 (null if none), had_mrr_before = some earlier month had MRR > 0.
-- Every window is partitioned by account, so a filter on account_id reaches revenue and accounts.
create or replace view account_month_history as
select d.account_id,
       d.month,
       d.mrr,
       coalesce(lag(d.mrr) over w, 0)                                                         as prev_mrr,
       coalesce(lag(d.mrr, 12) over w, 0)                                                     as mrr_12_ago,
       min(d.month) filter (where d.mrr > 0) over (partition by d.account_id)                 as cohort,
       coalesce(bool_or(d.mrr > 0) over (w rows between unbounded preceding and 1 preceding), false) as had_mrr_before
from (
    select v.account_id,
           g.month::date                                         as month,
           case when g.month = v.month then v.mrr else 0 end     as mrr
    from (select account_id, month, mrr,
                 lead(month) over (partition by account_id order by month) is null as last_row
          from account_month_mrr) v
    cross join reporting_horizon h
    cross join lateral generate_series(v.month, case when v.last_row then h.month else v.month end,
                                       interval '1 month') as g (month)
) d
window w as (partition by d.account_id order by d.month);

-- Recomputes the rows of the given accounts (null: all), or all rows when the horizon moved.
-- One rollup writer at a time (the lock is held until the transaction ends), so that two
-- transactions never insert the same rows.
create or replace function refresh_account_month(changed bigint[]) returns void
    language plpgsql as $$
declare
    current_horizon date;
begin
    perform pg_advisory_xact_lock(2054847098, 9);
    current_horizon := (select month from reporting_horizon);
    if changed is null or current_horizon is distinct from (select horizon from rollup_state) then
        delete from account_month;
        -- before the insert: the rollup that follows this table (account_support_month, by its trigger on
        -- the insert) reads account_month_current, which must see the table as current
        update rollup_state set horizon = current_horizon;
        insert into account_month select * from account_month_history;
    elsif cardinality(changed) > 0 then
        delete from account_month where account_id = any (changed);
        insert into account_month select * from account_month_history where account_id = any (changed);
    end if;
end $$;

-- Statement-level: transition tables hold every row the statement wrote, for COPY and for
-- INSERT ... ON CONFLICT DO UPDATE alike (whose inserted rows fire the INSERT trigger and updated
-- rows the UPDATE trigger). Only accounts whose rows differ are recomputed.
create or replace function account_month_after_revenue() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_account_month(array(select distinct account_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform refresh_account_month(array(select distinct account_id from old_rows));
    elsif tg_op = 'UPDATE' then
        perform refresh_account_month(array(
            select account_id from ((select account_id, month, mrr from new_rows
                                     except select account_id, month, mrr from old_rows)
                                    union all
                                    (select account_id, month, mrr from old_rows
                                     except select account_id, month, mrr from new_rows)) as changed
            group by account_id));
    else
        perform refresh_account_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('revenue', 'revenue_account_month', 'account_month_after_revenue');

-- accounts: only the columns of flat MRR (signed_up_at, churned_at, mrr) matter; seats and owner
-- are read at query time
create or replace function account_month_after_accounts() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_account_month(array(select id from new_rows));
    elsif tg_op = 'DELETE' then
        perform refresh_account_month(array(select id from old_rows));
    elsif tg_op = 'UPDATE' then
        perform refresh_account_month(array(
            select id from ((select id, signed_up_at, churned_at, mrr from new_rows
                             except select id, signed_up_at, churned_at, mrr from old_rows)
                            union all
                            (select id, signed_up_at, churned_at, mrr from old_rows
                             except select id, signed_up_at, churned_at, mrr from new_rows)) as changed
            group by id));
    else
        perform refresh_account_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('accounts', 'accounts_account_month', 'account_month_after_accounts');

-- What metrics read: the table while it was built for the current horizon, else (the clock moved
-- the horizon of an organisation without revenue rows into a new month) the view, until the next
-- write rebuilds the table. The fallback is a PL/pgSQL function, which the planner neither inlines nor
-- expands (V5: planning the view in a union branch, even one never run, made ContactRateQuery take
-- 20 s): one estimated row, and it returns nothing unless the clock moved the horizon past the table's.
create or replace function account_month_if_stale() returns setof account_month
    language plpgsql stable rows 1 as $$
begin
    if exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is distinct from h.month) then
        return query select h.account_id, h.month, h.mrr::numeric(14,2), h.prev_mrr::numeric(14,2),
                            h.mrr_12_ago::numeric(14,2), h.cohort, h.had_mrr_before
                     from account_month_history h;
    end if;
end $$;

create or replace view account_month_current as
select m.account_id, m.month, m.mrr, m.prev_mrr, m.mrr_12_ago, m.cohort, m.had_mrr_before
from account_month m
where exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is not distinct from h.month)
union all
select f.account_id, f.month, f.mrr, f.prev_mrr, f.mrr_12_ago, f.cohort, f.had_mrr_before
from account_month_if_stale() f;

-- a changed definition applies to the rows already there
do $$ begin perform refresh_account_month(null); end $$;
