-- Rollup of happiness by month, credited rep and difficulty tier (issue 9, docs/scaling.md section 5):
-- what HappinessQuery counts from MetricScope.SUPPORT_CTES (scoped_ratings, scoped_closed_tickets)
-- without a team or segment filter, kept in a table so that a dashboard reads the rows of the months
-- it shows instead of every rating and closed ticket of the range. The table rep_tier_month and the
-- function difficulty_tier (metrics.md section 2, shared with rep_week and MetricScope) are V6's.
--
-- The current definition of every view, function and trigger of this rollup (a repeatable migration,
-- re-run whenever this file changes; rollups_rebuild and rollup_differences are in R__rollups.sql).
--
-- Per (month in the organisation's time zone, credited rep_id or null, difficulty tier):
--   great, ok, not_good: ratings counted in the month, credited as ticket_credit says (R__credit.sql,
--     metrics.md section 3);
--   closed, rated: tickets closed in the month, credited like their rating (or their rep when unrated),
--     and how many of them have a rating (the rating rate's counts);
--   segment (V11, the last column): the segment_tier of the ticket's account, null without an account.
-- The team is read from reps at query time. The segment follows the account's seats and the segment
-- bounds in settings: a change of either recomputes the rows it moves (triggers below).
--
-- One definition: rep_tier_month_rows(starts, ends) computes the rows of the months between two
-- instants from scratch, reading ratings and tickets through their time indexes; the view
-- rep_tier_month_history is all of it. Triggers on tickets, ratings and accounts (seats) recompute, after
-- each statement, the months the statement touched; a time zone, difficulty threshold or segment bound
-- change rebuilds the table.

-- the rows of the months from month(starts) up to the month containing ends (exclusive), starts and
-- ends being month starts in the organisation's time zone
create or replace function rep_tier_month_rows(starts timestamptz, ends timestamptz)
    returns table (month date, rep_id bigint, tier text, great bigint, ok bigint, not_good bigint,
                   closed bigint, rated bigint, segment text)
    language sql stable as $$
    select date_trunc('month', e.at at time zone s.time_zone)::date,
           e.rep_id,
           difficulty_tier(e.agent_replies, e.handle_minutes, e.escalated, s),
           count(*) filter (where e.rating = 'great'),
           count(*) filter (where e.rating = 'ok'),
           count(*) filter (where e.rating = 'not_good'),
           count(*) filter (where e.closed),
           count(*) filter (where e.closed and e.rated),
           case when e.account_id is not null
                then segment_tier(a.seats, s.segment_small_max, s.segment_medium_max) end
    from (
        -- ratings with their own time, through ratings_rated_idx
        select tc.rated_at as at, tc.rep_id, tc.rating, false as closed, true as rated,
               tc.agent_replies, tc.handle_minutes, tc.escalated, tc.account_id
        from ticket_credit tc
        where tc.own_rated_at >= starts and tc.own_rated_at < ends
        union all
        -- ratings without one, dated from their ticket
        select tc.rated_at, tc.rep_id, tc.rating, false, true, tc.agent_replies, tc.handle_minutes, tc.escalated,
               tc.account_id
        from ticket_credit tc
        where tc.rated
          and tc.own_rated_at is null
          and tc.rated_at >= starts and tc.rated_at < ends
        union all
        -- closed tickets, through tickets_closed_idx
        select tc.closed_at, tc.rep_id, null, true, tc.rated, tc.agent_replies, tc.handle_minutes, tc.escalated,
               tc.account_id
        from ticket_credit tc
        where tc.closed_at >= starts and tc.closed_at < ends
    ) e
    cross join settings s
    left join accounts a on a.id = e.account_id
    where s.id = 1
    group by 1, 2, 3, 9
$$;

create or replace view rep_tier_month_history as
select * from rep_tier_month_rows('-infinity', 'infinity');

-- Recomputes the months from month(first_at) to month(last_at) in the organisation's time zone, or
-- every month when rebuild is set (nothing when first_at is null: the statement touched no row).
create or replace function refresh_rep_tier_month(first_at timestamptz, last_at timestamptz, rebuild boolean default false)
    returns void
    language plpgsql as $$
declare
    zone   text := (select time_zone from settings where id = 1);
    first_month date;
    last_month  date;
begin
    perform pg_advisory_xact_lock(2054847098, 9);
    if rebuild or zone is null then
        delete from rep_tier_month;
        insert into rep_tier_month select * from rep_tier_month_history;
    elsif first_at is not null then
        first_month := date_trunc('month', first_at at time zone zone)::date;
        last_month := date_trunc('month', last_at at time zone zone)::date;
        delete from rep_tier_month where month between first_month and last_month;
        insert into rep_tier_month
        select * from rep_tier_month_rows(first_month::timestamp at time zone zone,
                                          (last_month + interval '1 month')::timestamp at time zone zone);
    end if;
end $$;

-- Statement-level, like account_month's triggers: transition tables hold every row the statement wrote (COPY,
-- INSERT ... ON CONFLICT DO UPDATE, plain writes). The months recomputed are those from the earliest to
-- the latest instant the changed rows place anything in: a ticket's opening (a rating without a time of
-- its own may date from it), its close and its rating's time.

-- tickets: only the rep, the account (its segment), the times and the tier inputs matter.
-- New tickets have no rating yet and deleted ones none left (ratings reference tickets), so only an
-- update looks up the ratings of the changed tickets.
create or replace function rep_tier_month_after_tickets() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'INSERT' then
        select min(opened_at), max(coalesce(closed_at, opened_at)) into first_at, last_at from new_rows;
    elsif tg_op = 'DELETE' then
        select min(opened_at), max(coalesce(closed_at, opened_at)) into first_at, last_at from old_rows;
    elsif tg_op = 'UPDATE' then
        with changed as (
            (select id, rep_id, account_id, opened_at, closed_at, agent_replies, handle_minutes, escalated
             from new_rows
             except
             select id, rep_id, account_id, opened_at, closed_at, agent_replies, handle_minutes, escalated
             from old_rows)
            union all
            (select id, rep_id, account_id, opened_at, closed_at, agent_replies, handle_minutes, escalated
             from old_rows
             except
             select id, rep_id, account_id, opened_at, closed_at, agent_replies, handle_minutes, escalated
             from new_rows)
        )
        select min(v.at), max(v.at) into first_at, last_at
        from changed c
        left join ratings rt on rt.ticket_id = c.id
        cross join lateral (values (c.opened_at), (c.closed_at), (rt.rated_at)) as v (at);
    else
        perform refresh_rep_tier_month(null, null, true);
        return null;
    end if;
    perform refresh_rep_tier_month(first_at, last_at);
    return null;
end $$;

-- ratings: the rating's time (rating_time, R__credit.sql) and its ticket's close month (whether
-- the closed ticket is rated, and whom it is credited to)
create or replace function rep_tier_month_after_ratings() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'TRUNCATE' then
        perform refresh_rep_tier_month(null, null, true);
        return null;
    end if;
    if tg_op = 'INSERT' then
        select min(v.at), max(v.at) into first_at, last_at
        from new_rows r
        join tickets t on t.id = r.ticket_id
        cross join lateral (values (rating_time(r.rated_at, t.closed_at, t.opened_at)), (t.closed_at)) as v (at);
    elsif tg_op = 'DELETE' then
        select min(v.at), max(v.at) into first_at, last_at
        from old_rows r
        join tickets t on t.id = r.ticket_id
        cross join lateral (values (rating_time(r.rated_at, t.closed_at, t.opened_at)), (t.closed_at)) as v (at);
    else
        with changed as (
            (select ticket_id, rating, rated_at, rep_id from new_rows
             except select ticket_id, rating, rated_at, rep_id from old_rows)
            union all
            (select ticket_id, rating, rated_at, rep_id from old_rows
             except select ticket_id, rating, rated_at, rep_id from new_rows)
        )
        select min(v.at), max(v.at) into first_at, last_at
        from changed r
        join tickets t on t.id = r.ticket_id
        cross join lateral (values (rating_time(r.rated_at, t.closed_at, t.opened_at)), (t.closed_at)) as v (at);
    end if;
    perform refresh_rep_tier_month(first_at, last_at);
    return null;
end $$;

-- accounts: a change of seats moves the account's tickets and ratings to another segment; the months
-- recomputed span them. A new account has no tickets yet, and one with tickets cannot be deleted (the
-- tickets reference it) or truncated without them (their own triggers then rebuild).
create or replace function rep_tier_month_after_accounts() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'UPDATE' then
        select min(v.at), max(v.at) into first_at, last_at
        from new_rows n
        join old_rows o on o.id = n.id and o.seats is distinct from n.seats
        join tickets t on t.account_id = n.id
        left join ratings rt on rt.ticket_id = t.id
        cross join lateral (values (t.opened_at), (t.closed_at), (rt.rated_at)) as v (at);
        perform refresh_rep_tier_month(first_at, last_at);
    end if;
    return null;
end $$;

-- the same four triggers on each table: insert, update, delete with their transition tables; truncate
call create_rollup_triggers('tickets', 'tickets_rep_tier_month', 'rep_tier_month_after_tickets');
call create_rollup_triggers('ratings', 'ratings_rep_tier_month', 'rep_tier_month_after_ratings');
call create_rollup_triggers('accounts', 'accounts_rep_tier_month', 'rep_tier_month_after_accounts');

-- settings: the thresholds set every tier (a time zone change: rollups_rebuild, R__rollups.sql)
create or replace function rep_tier_month_rebuild() returns trigger
    language plpgsql as $$
begin
    perform refresh_rep_tier_month(null, null, true);
    return null;
end $$;

call create_threshold_trigger('settings_rep_tier_month_thresholds', 'rep_tier_month_rebuild');
-- and the segment bounds set every row's segment
call create_segment_bounds_trigger('settings_rep_tier_month_segments', 'rep_tier_month_rebuild');

-- a changed definition applies to the rows already there
do $$ begin perform refresh_rep_tier_month(null, null, true); end $$;
