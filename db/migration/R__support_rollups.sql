-- Rollups of what the leading indicators (metrics.md section 7) and the contact rate (section 2) count, per
-- account and month and summed per month, owner rep and segment (issue 16, docs/scaling.md section 5):
-- LeadingIndicatorsQuery and ContactRateQuery read a few rows per month of their range instead of every
-- rating, ticket, customer and MRR month behind them. The tables account_support_month, indicator_month and
-- contact_month and their columns are V12's.
--
-- The current definition of every view, function and trigger of these rollups (a repeatable migration,
-- re-run whenever this file changes; rollups_rebuild and rollup_differences are in R__rollups.sql). Flyway
-- runs repeatable migrations in the order of their names: this one after R__credit.sql (ticket_credit) and
-- R__account_month.sql (account_month_current).
--
-- account_support_month, one row per account and active month. One definition:
-- account_support_month_rows(accounts) computes the rows of some accounts (null: all) from scratch; the view
-- account_support_month_history is all of it. Every row depends on one account only, so each write recomputes
-- the accounts it touched: MRR comes from the rollup account_month (through account_month_current), which this
-- table follows by a trigger on it; ratings, tickets, customers and accounts (sign-up, owner, seats) by
-- triggers on theirs; the segment bounds rebuild it, and a time zone change rebuilds account_month and this
-- table with it. The team is read from reps at query time.
--
-- indicator_month and contact_month, sums of account_support_month per month, owner rep and segment: kept by
-- the differences of its rows (a trigger on it adds the rows a statement inserted and subtracts those it
-- deleted); their definitions are the views indicator_month_history and contact_month_history over
-- account_support_month_current.

-- The rows of the accounts given (null: every account). Months and cohorts are account_month's: its rows are
-- dense from the account's first month to the horizon, so lead(mrr, h) is MRR(m + h), null after the horizon.
create or replace function account_support_month_rows(accounts bigint[])
    returns setof account_support_month
    language sql stable as $$
    select am.account_id,
           am.month,
           a.owner_rep_id,
           segment_tier(a.seats, s.segment_small_max, s.segment_medium_max),
           coalesce(rm.great, 0),
           coalesce(rm.ok, 0),
           coalesce(rm.not_good, 0),
           am.active_3,
           am.active_6,
           am.active_12,
           am.cohort,
           -- section 7, early contact: a ticket opened in the first 90 days after sign-up; 90 days of 24
           -- hours, whatever the time zone of the session that writes the row
           case when am.cohort
                then exists (select 1
                             from tickets t
                             where t.account_id = am.account_id
                               and t.opened_at >= a.signed_up_at
                               and t.opened_at < a.signed_up_at + interval '2160 hours') end,
           ft.opened_at,
           ft.frt,
           am.customers,
           coalesce(ct.contacted, 0)
    from (
        -- the account's months with their MRR outcomes and, section 2, its customers created by the month's
        -- end: a running count over the months and the months the customers joined (ordered before the month
        -- row of the same month; an unknown time first, counted from the start)
        select x.*
        from (select u.account_id,
                     u.month,
                     u.is_month,
                     u.mrr,
                     u.active_3,
                     u.active_6,
                     u.active_12,
                     u.cohort,
                     sum(u.joined) over (partition by u.account_id order by u.month nulls first, u.is_month
                                         rows unbounded preceding) as customers
              from (select m.account_id,
                           m.month,
                           true                                   as is_month,
                           m.mrr,
                           lead(m.mrr, 3) over w > 0              as active_3,
                           lead(m.mrr, 6) over w > 0              as active_6,
                           lead(m.mrr, 12) over w > 0             as active_12,
                           coalesce(m.month = m.cohort, false)    as cohort,
                           0::bigint                              as joined
                    from account_month_current m
                    where accounts is null or m.account_id = any (accounts)
                    window w as (partition by m.account_id order by m.month)
                    union all
                    select c.account_id,
                           date_trunc('month', c.created_at at time zone st.time_zone)::date,
                           false,
                           null,
                           null,
                           null,
                           null,
                           false,
                           count(*)
                    from customers c
                    cross join settings st
                    where st.id = 1
                      and c.account_id is not null
                      and (accounts is null or c.account_id = any (accounts))
                    group by 1, 2) u) x
        where x.is_month
          and x.mrr > 0
    ) am
    join accounts a on a.id = am.account_id
    cross join settings s
    -- ratings of the account's tickets by the month they count in (ticket_credit, R__credit.sql: a rating
    -- without rated_at dates from its ticket), whoever they are credited to: the unit is the account
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
    -- section 2: the account's customers (created by the month's end) who opened a ticket in the month, any
    -- ticket of theirs: the customer's account, not the ticket's
    left join (select c.account_id,
                      date_trunc('month', t.opened_at at time zone st.time_zone)::date as month,
                      count(distinct t.customer_id)                                   as contacted
               from customers c
               join tickets t on t.customer_id = c.id
               cross join settings st
               where st.id = 1
                 and c.account_id is not null
                 and (accounts is null or c.account_id = any (accounts))
                 and (c.created_at is null
                      or c.created_at < (date_trunc('month', t.opened_at at time zone st.time_zone)
                                         + interval '1 month') at time zone st.time_zone)
               group by 1, 2) ct
      on ct.account_id = am.account_id and ct.month = am.month
    -- the account's first ticket (ties by id), one probe of tickets_account_opened_idx per cohort row
    left join lateral (select t.opened_at,
                              t.first_response_at - t.opened_at as frt
                       from tickets t
                       where am.cohort
                         and t.account_id = am.account_id
                       order by t.opened_at, t.id
                       limit 1) ft on true
    where s.id = 1
$$;

create or replace view account_support_month_history as
select * from account_support_month_rows(null);

-- Recomputes the rows of the given accounts (null: all) under the rollups' lock, like refresh_account_month.
create or replace function refresh_account_support_month(changed bigint[]) returns void
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(2054847098, 9);
    if changed is null then
        delete from account_support_month;
        -- empty whatever the sums were, so that the insert's sums are the new ones
        delete from indicator_month;
        delete from contact_month;
        insert into account_support_month select * from account_support_month_history;
    elsif cardinality(changed) > 0 then
        delete from account_support_month where account_id = any (changed);
        -- planned for the accounts given (a cached generic plan could not drop the rows function's
        -- "accounts is null" branch, and would read every account)
        execute 'insert into account_support_month select * from account_support_month_rows($1)' using changed;
    end if;
end $$;

-- account_month: refresh_account_month deletes an account's rows and inserts them again (or all rows, on a
-- rebuild), so the insert names the accounts to recompute; a delete alone (an account deleted) takes their
-- rows away. A statement that rewrote the whole table (a rebuild: new horizon, time zone, settings) rebuilds
-- this one too, set-based rather than account by account.
create or replace function account_support_month_after_account_month() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from account_support_month where account_id in (select account_id from old_rows);
    elsif tg_op = 'TRUNCATE' then
        perform refresh_account_support_month(null);
    elsif not exists (select 1 from account_month m
                      where not exists (select 1 from new_rows n where n.account_id = m.account_id)) then
        perform refresh_account_support_month(null);
    else
        perform refresh_account_support_month(array(select distinct account_id from new_rows));
    end if;
    return null;
end $$;

call create_rollup_triggers('account_month', 'account_month_account_support_month',
                            'account_support_month_after_account_month');

-- tickets: the account (first tickets, early contact, ratings), the customer (contacts), the times a
-- rating may date from, the first response; old and new values
create or replace function account_support_month_after_tickets() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_account_support_month(array(
            select n.account_id from new_rows n where n.account_id is not null
            union
            select c.account_id from new_rows n join customers c on c.id = n.customer_id where c.account_id is not null));
    elsif tg_op = 'DELETE' then
        perform refresh_account_support_month(array(
            select o.account_id from old_rows o where o.account_id is not null
            union
            select c.account_id from old_rows o join customers c on c.id = o.customer_id where c.account_id is not null));
    elsif tg_op = 'UPDATE' then
        perform refresh_account_support_month(array(
            with changed as (
                (select id, customer_id, account_id, opened_at, closed_at, first_response_at from new_rows
                 except
                 select id, customer_id, account_id, opened_at, closed_at, first_response_at from old_rows)
                union all
                (select id, customer_id, account_id, opened_at, closed_at, first_response_at from old_rows
                 except
                 select id, customer_id, account_id, opened_at, closed_at, first_response_at from new_rows)
            )
            select ch.account_id from changed ch where ch.account_id is not null
            union
            select c.account_id from changed ch join customers c on c.id = ch.customer_id
            where c.account_id is not null));
    else
        perform refresh_account_support_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('tickets', 'tickets_account_support_month', 'account_support_month_after_tickets');

-- ratings: the value and time of the rating; the account is its ticket's
create or replace function account_support_month_after_ratings() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_account_support_month(array(
            select distinct t.account_id from new_rows r join tickets t on t.id = r.ticket_id
            where t.account_id is not null));
    elsif tg_op = 'DELETE' then
        perform refresh_account_support_month(array(
            select distinct t.account_id from old_rows r join tickets t on t.id = r.ticket_id
            where t.account_id is not null));
    elsif tg_op = 'UPDATE' then
        perform refresh_account_support_month(array(
            select distinct t.account_id
            from ((select ticket_id, rating, rated_at from new_rows
                   except select ticket_id, rating, rated_at from old_rows)
                  union all
                  (select ticket_id, rating, rated_at from old_rows
                   except select ticket_id, rating, rated_at from new_rows)) as changed
            join tickets t on t.id = changed.ticket_id
            where t.account_id is not null));
    else
        perform refresh_account_support_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('ratings', 'ratings_account_support_month', 'account_support_month_after_ratings');

-- customers: their account (old and new) and the time they joined
create or replace function account_support_month_after_customers() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_account_support_month(array(
            select distinct account_id from new_rows where account_id is not null));
    elsif tg_op = 'DELETE' then
        perform refresh_account_support_month(array(
            select distinct account_id from old_rows where account_id is not null));
    elsif tg_op = 'UPDATE' then
        perform refresh_account_support_month(array(
            select account_id
            from ((select id, account_id, created_at from new_rows
                   except select id, account_id, created_at from old_rows)
                  union all
                  (select id, account_id, created_at from old_rows
                   except select id, account_id, created_at from new_rows)) as changed
            where account_id is not null
            group by account_id));
    else
        perform refresh_account_support_month(null);
    end if;
    return null;
end $$;

call create_rollup_triggers('customers', 'customers_account_support_month', 'account_support_month_after_customers');

-- accounts: signed_up_at opens the early-contact window, owner_rep_id and seats are the rows' dimensions.
-- (signed_up_at also sets a flat account's MRR, so account_month's trigger may recompute the account first;
-- this one does not rely on that.) Inserted and deleted accounts reach this table through account_month.
create or replace function account_support_month_after_accounts() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        perform refresh_account_support_month(array(
            select n.id from new_rows n join old_rows o on o.id = n.id
            where (o.signed_up_at, o.owner_rep_id, o.seats) is distinct from (n.signed_up_at, n.owner_rep_id, n.seats)));
    end if;
    return null;
end $$;

call create_rollup_triggers('accounts', 'accounts_account_support_month', 'account_support_month_after_accounts');

-- settings: the segment bounds set every row's segment (a time zone change rebuilds account_month, and this
-- table with it: rollups_rebuild, R__rollups.sql)
create or replace function account_support_month_rebuild() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_support_month(null);
    return null;
end $$;

call create_segment_bounds_trigger('settings_account_support_month_segments', 'account_support_month_rebuild');

-- What the queries read: the table while account_month was built for the current horizon, else (the clock
-- moved the horizon of an organisation without revenue rows) the rows from scratch, as account_month_current
-- does (R__account_month.sql), until the next write rebuilds both.
create or replace function account_support_month_if_stale() returns setof account_support_month
    language plpgsql stable rows 1 as $$
begin
    if exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is distinct from h.month) then
        return query select * from account_support_month_history;
    end if;
end $$;

create or replace view account_support_month_current as
select m.*
from account_support_month m
where exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is not distinct from h.month)
union all
select f.*
from account_support_month_if_stale() f;

-- section 7, retention after a bad experience: the group an active account-month is observed in, from its
-- ratings' counts: 'not_good' (the cohort: at least one not_good rating) or 'only_great' (the control: rated
-- only great); null when it is in neither
create or replace function bad_experience_group(great bigint, ok bigint, not_good bigint) returns text
    language sql immutable parallel safe
    return case
               when not_good > 0 then 'not_good'
               when great > 0 and ok = 0 then 'only_great'
           end;

-- The sums' definitions. The active_h of a month after the horizon (null) counts as not active.
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
from account_support_month_current r
cross join lateral (select bad_experience_group(r.great, r.ok, r.not_good) as grp) g
where g.grp is not null
group by r.month, r.owner_rep_id, r.segment;

create or replace view contact_month_history as
select r.month,
       r.owner_rep_id,
       r.segment,
       sum(r.customers)::bigint as customers,
       sum(r.contacted)::bigint as contacted
from account_support_month_current r
where r.customers > 0
group by r.month, r.owner_rep_id, r.segment;

-- Adds the sums of the rows a statement inserted into account_support_month and subtracts those of the rows
-- it deleted (the sums of the two views above), then drops the groups left empty. Refreshes delete and insert
-- whole accounts, so the two statements' differences make the new sums.
create or replace function support_month_sums_after_account_rows() returns trigger
    language plpgsql as $$
declare
    -- %1$s: a transition table; %2$s: 1 to add its rows, -1 to subtract them
    add_indicator_sums constant text := $sql$
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
        cross join lateral (select bad_experience_group(r.great, r.ok, r.not_good) as grp) g
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
    add_contact_sums constant text := $sql$
        insert into contact_month as cm
        select r.month, r.owner_rep_id, r.segment, %2$s * sum(r.customers), %2$s * sum(r.contacted)
        from %1$s r
        where r.customers > 0
        group by r.month, r.owner_rep_id, r.segment
        on conflict on constraint contact_month_key do update
            set customers = cm.customers + excluded.customers,
                contacted = cm.contacted + excluded.contacted
        $sql$;
begin
    if tg_op = 'TRUNCATE' then
        delete from indicator_month;
        delete from contact_month;
        return null;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        execute format(add_indicator_sums, 'old_rows', -1);
        execute format(add_contact_sums, 'old_rows', -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        execute format(add_indicator_sums, 'new_rows', 1);
        execute format(add_contact_sums, 'new_rows', 1);
    end if;
    delete from indicator_month where not_good = 0 and only_great = 0;
    delete from contact_month where customers = 0;
    return null;
end $$;

call create_rollup_triggers('account_support_month', 'account_support_month_sums',
                            'support_month_sums_after_account_rows');

-- What the queries read, fresh or not, as account_support_month_current
create or replace function indicator_month_if_stale() returns setof indicator_month
    language plpgsql stable rows 1 as $$
begin
    if exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is distinct from h.month) then
        return query select * from indicator_month_history;
    end if;
end $$;

create or replace view indicator_month_current as
select m.*
from indicator_month m
where exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is not distinct from h.month)
union all
select f.*
from indicator_month_if_stale() f;

create or replace function contact_month_if_stale() returns setof contact_month
    language plpgsql stable rows 1 as $$
begin
    if exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is distinct from h.month) then
        return query select * from contact_month_history;
    end if;
end $$;

create or replace view contact_month_current as
select m.*
from contact_month m
where exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is not distinct from h.month)
union all
select f.*
from contact_month_if_stale() f;

-- a changed definition applies to the rows already there (the sums follow by their trigger); statistics at
-- once, so that the first dashboards after a migration do not plan on empty tables
do $$ begin perform refresh_account_support_month(null); end $$;
analyze account_support_month, indicator_month, contact_month;
