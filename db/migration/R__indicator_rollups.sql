-- Rollups of what the leading indicators (metrics.md section 7) observe (issue 16, docs/scaling.md section
-- 5): LeadingIndicatorsQuery reads the rows of the months in its range instead of every rating of the range,
-- every cohort account's tickets and three lookups of MRR months per observation. The tables
-- indicator_account_month and indicator_month and their columns are V12's.
--
-- The current definition of every view, function and trigger of these rollups (a repeatable migration,
-- re-run whenever this file changes; rollup_differences is in R__rollups.sql). It runs after R__credit.sql
-- (ticket_credit) and R__account_month.sql (account_month_current), as Flyway orders repeatable
-- migrations by name.
--
-- indicator_account_month, one row per account and month observed. One definition:
-- indicator_account_month_rows(accounts) computes the rows of some accounts (null: all) from scratch; the
-- view indicator_account_month_history is all of it. Every row depends on one account only, so each write
-- recomputes the accounts it touched. MRR comes from the rollup account_month (through
-- account_month_current), which this table follows by a trigger on it; ratings, tickets and accounts (sign-up,
-- owner, seats) by triggers on theirs; the segment bounds rebuild it. The team is read from reps at query time.
--
-- indicator_month, the bad-experience observations summed per month, owner rep and segment: kept by the
-- differences of indicator_account_month's rows (a trigger on it adds the rows a statement inserted and
-- subtracts those it deleted), its definition the view indicator_month_history over that table.

-- The rows of the accounts given (null: every account). Months and cohorts are account_month's: its rows
-- are dense from the account's first month to the horizon, so lead(mrr, h) is MRR(m + h), null after the
-- horizon.
create or replace function indicator_account_month_rows(accounts bigint[])
    returns setof indicator_account_month
    language sql stable as $$
    select am.account_id,
           am.month,
           a.owner_rep_id,
           segment_tier(a.seats, s.segment_small_max, s.segment_medium_max),
           coalesce(rm.great, 0),
           coalesce(rm.ok, 0),
           coalesce(rm.not_good, 0),
           am.active,
           am.active_3,
           am.active_6,
           am.active_12,
           am.cohort,
           -- section 7, early contact: a ticket opened in the first 90 days after sign-up; 90 days of 24
           -- hours, whatever the time zone of the session that writes the row
           case when am.cohort
                then exists (select 1
                             from tickets t
                             join accounts a on a.id = t.account_id
                             where t.account_id = am.account_id
                               and t.opened_at >= a.signed_up_at
                               and t.opened_at < a.signed_up_at + interval '2160 hours') end,
           ft.opened_at,
           ft.frt
    from (select m.account_id,
                 m.month,
                 m.mrr > 0                             as active,
                 lead(m.mrr, 3) over w > 0             as active_3,
                 lead(m.mrr, 6) over w > 0             as active_6,
                 lead(m.mrr, 12) over w > 0            as active_12,
                 coalesce(m.month = m.cohort, false)   as cohort
          from account_month_current m
          where accounts is null or m.account_id = any (accounts)
          window w as (partition by m.account_id order by m.month)) am
    join accounts a on a.id = am.account_id
    cross join settings s
    -- ratings of the account's tickets by the month they count in (ticket_credit, R__credit.sql: a
    -- rating without rated_at dates from its ticket), whoever they are credited to: the unit is the account
    left join (select tc.account_id,
                      date_trunc('month', tc.rated_at at time zone st.time_zone)::date as month,
                      count(*) filter (where tc.rating = 'great')                     as great,
                      count(*) filter (where tc.rating = 'ok')                        as ok,
                      count(*) filter (where tc.rating = 'not_good')                  as not_good
               from ticket_credit tc
               cross join settings st
               where st.id = 1
                 and tc.rated
                 and tc.account_id is not null
                 and (accounts is null or tc.account_id = any (accounts))
               group by 1, 2) rm
      on rm.account_id = am.account_id and rm.month = am.month
    -- the account's first ticket (ties by id), one probe of tickets_account_opened_idx per cohort row
    left join lateral (select t.opened_at,
                              t.first_response_at - t.opened_at as frt
                       from tickets t
                       where am.cohort
                         and t.account_id = am.account_id
                       order by t.opened_at, t.id
                       limit 1) ft on true
    where s.id = 1
      and (rm.account_id is not null or am.cohort)
$$;

create or replace view indicator_account_month_history as
select * from indicator_account_month_rows(null);

-- Recomputes the rows of the given accounts (null: all) under the rollups' lock, like refresh_account_month.
create or replace function refresh_indicator_account_month(changed bigint[]) returns void
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(2054847098, 9);
    if changed is null then
        delete from indicator_account_month;
        -- empty whatever the sums were, so that the insert's sums are the new ones
        delete from indicator_month;
        insert into indicator_account_month select * from indicator_account_month_history;
    elsif cardinality(changed) > 0 then
        delete from indicator_account_month where account_id = any (changed);
        -- planned for the accounts given (a cached generic plan could not drop the rows function's
        -- "accounts is null" branch, and would read every account)
        execute 'insert into indicator_account_month select * from indicator_account_month_rows($1)' using changed;
    end if;
end $$;

-- account_month: refresh_account_month deletes an account's rows and inserts them again (or all rows, on a
-- rebuild), so the insert names the accounts to recompute; a delete alone (an account deleted) takes their
-- rows away. A statement that rewrote the whole table (a rebuild: new horizon, time zone, settings) rebuilds
-- this one too, set-based rather than account by account.
create or replace function indicator_account_month_after_account_month() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from indicator_account_month where account_id in (select account_id from old_rows);
    elsif tg_op = 'TRUNCATE' then
        perform refresh_indicator_account_month(null);
    elsif not exists (select 1 from account_month m
                      where not exists (select 1 from new_rows n where n.account_id = m.account_id)) then
        perform refresh_indicator_account_month(null);
    else
        perform refresh_indicator_account_month(array(select distinct account_id from new_rows));
    end if;
    return null;
end $$;

call create_rollup_triggers('account_month', 'account_month_indicator_account_month',
                            'indicator_account_month_after_account_month');

-- tickets: the account (old and new), the times a rating may date from, the first response; a new ticket
-- may be an account's first or early one
create or replace function indicator_account_month_after_tickets() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_indicator_account_month(array(
            select distinct account_id from new_rows where account_id is not null));
    elsif tg_op = 'DELETE' then
        perform refresh_indicator_account_month(array(
            select distinct account_id from old_rows where account_id is not null));
    elsif tg_op = 'UPDATE' then
        perform refresh_indicator_account_month(array(
            select account_id
            from ((select id, account_id, opened_at, closed_at, first_response_at from new_rows
                   except
                   select id, account_id, opened_at, closed_at, first_response_at from old_rows)
                  union all
                  (select id, account_id, opened_at, closed_at, first_response_at from old_rows
                   except
                   select id, account_id, opened_at, closed_at, first_response_at from new_rows)) as changed
            where account_id is not null
            group by account_id));
    else
        perform refresh_indicator_account_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('tickets', 'tickets_indicator_account_month', 'indicator_account_month_after_tickets');

-- ratings: the value and time of the rating; the account is its ticket's
create or replace function indicator_account_month_after_ratings() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_indicator_account_month(array(
            select distinct t.account_id from new_rows r join tickets t on t.id = r.ticket_id
            where t.account_id is not null));
    elsif tg_op = 'DELETE' then
        perform refresh_indicator_account_month(array(
            select distinct t.account_id from old_rows r join tickets t on t.id = r.ticket_id
            where t.account_id is not null));
    elsif tg_op = 'UPDATE' then
        perform refresh_indicator_account_month(array(
            select distinct t.account_id
            from ((select ticket_id, rating, rated_at from new_rows
                   except select ticket_id, rating, rated_at from old_rows)
                  union all
                  (select ticket_id, rating, rated_at from old_rows
                   except select ticket_id, rating, rated_at from new_rows)) as changed
            join tickets t on t.id = changed.ticket_id
            where t.account_id is not null));
    else
        perform refresh_indicator_account_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('ratings', 'ratings_indicator_account_month', 'indicator_account_month_after_ratings');

-- accounts: signed_up_at opens the early-contact window, owner_rep_id and seats are the rows' dimensions.
-- (signed_up_at also sets a flat account's MRR, so account_month's trigger may recompute the account first;
-- this one does not rely on that.) Inserted and deleted accounts reach this table through account_month.
create or replace function indicator_account_month_after_accounts() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        perform refresh_indicator_account_month(array(
            select n.id from new_rows n join old_rows o on o.id = n.id
            where (o.signed_up_at, o.owner_rep_id, o.seats) is distinct from (n.signed_up_at, n.owner_rep_id, n.seats)));
    end if;
    return null;
end $$;

call create_rollup_triggers('accounts', 'accounts_indicator_account_month', 'indicator_account_month_after_accounts');

-- settings: the segment bounds set every row's segment (a time zone change rebuilds account_month, and this
-- table with it: rollups_rebuild, R__rollups.sql)
create or replace function indicator_account_month_rebuild() returns trigger
    language plpgsql as $$
begin
    perform refresh_indicator_account_month(null);
    return null;
end $$;

call create_segment_bounds_trigger('settings_indicator_account_month_segments', 'indicator_account_month_rebuild');

-- section 7, retention after a bad experience: the group an account-month is observed in, 'not_good' (the
-- cohort: active in the month, at least one not_good rating) or 'only_great' (the control: active, rated
-- only great); null when it is in neither
create or replace function bad_experience_group(r indicator_account_month) returns text
    language sql immutable parallel safe
    return case
               when not r.active then null
               when r.not_good > 0 then 'not_good'
               when r.great > 0 and r.ok = 0 then 'only_great'
           end;

-- indicator_month's one definition: the groups of indicator_account_month summed per month, owner and
-- segment; the active_h of a month after the horizon (null) counts as not active
create or replace view indicator_month_history as
select r.month,
       r.owner_rep_id,
       r.segment,
       count(*) filter (where g.grp = 'not_good')                      as not_good,
       count(*) filter (where g.grp = 'not_good' and r.active_3)       as not_good_3,
       count(*) filter (where g.grp = 'not_good' and r.active_12)      as not_good_12,
       count(*) filter (where g.grp = 'only_great')                    as only_great,
       count(*) filter (where g.grp = 'only_great' and r.active_3)     as only_great_3,
       count(*) filter (where g.grp = 'only_great' and r.active_12)    as only_great_12
from indicator_account_month r
cross join lateral (select bad_experience_group(r) as grp) g
where g.grp is not null
group by r.month, r.owner_rep_id, r.segment;

-- Adds the sums of the rows a statement inserted into indicator_account_month and subtracts those of the
-- rows it deleted (the same sums as indicator_month_history), then drops the groups left empty. Refreshes
-- delete and insert whole accounts, so the two statements' differences make the new sums.
create or replace function indicator_month_after_account_rows() returns trigger
    language plpgsql as $$
declare
    -- %1$s: a transition table; %2$s: 1 to add its rows, -1 to subtract them
    add_sums constant text := $sql$
        insert into indicator_month as im
        select r.month,
               r.owner_rep_id,
               r.segment,
               %2$s * count(*) filter (where g.grp = 'not_good'),
               %2$s * count(*) filter (where g.grp = 'not_good' and r.active_3),
               %2$s * count(*) filter (where g.grp = 'not_good' and r.active_12),
               %2$s * count(*) filter (where g.grp = 'only_great'),
               %2$s * count(*) filter (where g.grp = 'only_great' and r.active_3),
               %2$s * count(*) filter (where g.grp = 'only_great' and r.active_12)
        from %1$s r
        cross join lateral (select bad_experience_group(r::indicator_account_month) as grp) g
        where g.grp is not null
        group by r.month, r.owner_rep_id, r.segment
        on conflict on constraint indicator_month_key do update
            set not_good      = im.not_good + excluded.not_good,
                not_good_3    = im.not_good_3 + excluded.not_good_3,
                not_good_12   = im.not_good_12 + excluded.not_good_12,
                only_great    = im.only_great + excluded.only_great,
                only_great_3  = im.only_great_3 + excluded.only_great_3,
                only_great_12 = im.only_great_12 + excluded.only_great_12
        $sql$;
begin
    if tg_op = 'TRUNCATE' then
        delete from indicator_month;
        return null;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        execute format(add_sums, 'old_rows', -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        execute format(add_sums, 'new_rows', 1);
    end if;
    delete from indicator_month where not_good = 0 and only_great = 0;
    return null;
end $$;

call create_rollup_triggers('indicator_account_month', 'indicator_account_month_indicator_month',
                            'indicator_month_after_account_rows');

-- What the query reads: the table while account_month was built for the current horizon, else (the clock
-- moved the horizon of an organisation without revenue rows) the rows from scratch, as account_month_current
-- does (R__account_month.sql), until the next write rebuilds both.
create or replace function indicator_account_month_if_stale() returns setof indicator_account_month
    language plpgsql stable rows 1 as $$
begin
    if exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is distinct from h.month) then
        return query select * from indicator_account_month_history;
    end if;
end $$;

create or replace view indicator_account_month_current as
select m.*
from indicator_account_month m
where exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is not distinct from h.month)
union all
select f.*
from indicator_account_month_if_stale() f;

-- a changed definition applies to the rows already there (indicator_month follows by its trigger)
do $$ begin perform refresh_indicator_account_month(null); end $$;
