-- Rollup of support load by ISO week and rep (issue 9, docs/scaling.md section 5): what
-- ResponseVsVolumeQuery counts from MetricScope.SUPPORT_CTES (scoped_tickets) without a segment filter,
-- kept in a table so that a dashboard reads one row per rep and week shown instead of every ticket.
--
-- Per (ISO week (Monday) of the opening in the organisation's time zone, the ticket's rep_id or null):
--   tickets, unanswered (no first response), replies (agent replies on the answered tickets; null when
--   none is known), hard (tickets in the hard difficulty tier);
--   frts: the first response times of the answered tickets, ascending;
--   customers: the distinct customers with an answered ticket, ascending;
--   segment (V11, the last column): the segment_tier of the ticket's account, null without an account.
-- Medians, 90th percentiles and customers helped are exact over any set of weeks and reps (metrics.md
-- section 2), which no sum of weekly figures gives: a query unnests the arrays of the rows it reads.
-- The team is read from reps at query time; the segment follows the account's seats and the segment bounds
-- in settings, and a change of either recomputes the rows it moves. The table rep_week is V8's (and V11's).
--
-- The current definition of every view, function and trigger of this rollup (a repeatable migration,
-- re-run whenever this file changes; rollups_rebuild and rollup_differences are in R__rollups.sql).
--
-- One definition: rep_week_rows(starts, ends) computes the rows of the tickets opened between two
-- instants from scratch through tickets_opened_idx; queries also call it for the partial weeks at the
-- edges of a range. The view rep_week_history is all of it. Triggers on tickets and accounts (seats)
-- recompute, after each statement, the weeks the statement touched; a time zone, difficulty threshold or
-- segment bound change rebuilds.

create or replace function rep_week_rows(starts timestamptz, ends timestamptz)
    returns table (week date, rep_id bigint, tickets bigint, unanswered bigint, replies bigint, hard bigint,
                   frts interval[], customers bigint[], segment text)
    language sql stable as $$
    select date_trunc('week', t.opened_at at time zone s.time_zone)::date,
           t.rep_id,
           count(*),
           count(*) filter (where t.first_response_at is null),
           sum(t.agent_replies) filter (where t.first_response_at is not null),
           count(*) filter (where difficulty_tier(t.agent_replies, t.handle_minutes, t.escalated, s) = 'hard'),
           coalesce(array_agg(t.first_response_at - t.opened_at order by t.first_response_at - t.opened_at)
                        filter (where t.first_response_at is not null), '{}'),
           coalesce(array_agg(distinct t.customer_id) filter (where t.first_response_at is not null), '{}'),
           case when t.account_id is not null
                then segment_tier(a.seats, s.segment_small_max, s.segment_medium_max) end
    from tickets t
    cross join settings s
    left join accounts a on a.id = t.account_id
    where s.id = 1
      and t.opened_at >= starts
      and t.opened_at < ends
    group by 1, 2, 9
$$;

create or replace view rep_week_history as
select * from rep_week_rows('-infinity', 'infinity');

-- Recomputes the weeks from week(first_at) to week(last_at) in the organisation's time zone, or every
-- week when rebuild is set (nothing when first_at is null: the statement touched no row).
create or replace function refresh_rep_week(first_at timestamptz, last_at timestamptz, rebuild boolean default false)
    returns void
    language plpgsql as $$
declare
    zone       text := (select time_zone from settings where id = 1);
    first_week date;
    last_week  date;
begin
    perform pg_advisory_xact_lock(2054847098, 9);
    if rebuild or zone is null then
        delete from rep_week;
        insert into rep_week select * from rep_week_history;
    elsif first_at is not null then
        first_week := date_trunc('week', first_at at time zone zone)::date;
        last_week := date_trunc('week', last_at at time zone zone)::date;
        delete from rep_week where week between first_week and last_week;
        insert into rep_week
        select * from rep_week_rows(first_week::timestamp at time zone zone,
                                    (last_week + 7)::timestamp at time zone zone);
    end if;
end $$;

-- Statement-level, like account_month's and rep_tier_month's triggers, with transition tables. Only the columns the rows are
-- made of matter; the weeks recomputed span the openings of the changed rows, old and new.
create or replace function rep_week_after_tickets() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'INSERT' then
        select min(opened_at), max(opened_at) into first_at, last_at from new_rows;
    elsif tg_op = 'DELETE' then
        select min(opened_at), max(opened_at) into first_at, last_at from old_rows;
    elsif tg_op = 'UPDATE' then
        with changed as (
            (select id, customer_id, account_id, rep_id, opened_at, first_response_at, agent_replies,
                    handle_minutes, escalated from new_rows
             except
             select id, customer_id, account_id, rep_id, opened_at, first_response_at, agent_replies,
                    handle_minutes, escalated from old_rows)
            union all
            (select id, customer_id, account_id, rep_id, opened_at, first_response_at, agent_replies,
                    handle_minutes, escalated from old_rows
             except
             select id, customer_id, account_id, rep_id, opened_at, first_response_at, agent_replies,
                    handle_minutes, escalated from new_rows)
        )
        select min(opened_at), max(opened_at) into first_at, last_at from changed;
    else
        perform refresh_rep_week(null, null, true);
        return null;
    end if;
    perform refresh_rep_week(first_at, last_at);
    return null;
end $$;

call create_rollup_triggers('tickets', 'tickets_rep_week', 'rep_week_after_tickets');

-- accounts: a change of seats moves the account's tickets to another segment (see rep_tier_month's
-- trigger on accounts, R__rep_tier_month.sql, for why only updates matter)
create or replace function rep_week_after_accounts() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'UPDATE' then
        select min(t.opened_at), max(t.opened_at) into first_at, last_at
        from new_rows n
        join old_rows o on o.id = n.id and o.seats is distinct from n.seats
        join tickets t on t.account_id = n.id;
        perform refresh_rep_week(first_at, last_at);
    end if;
    return null;
end $$;

call create_rollup_triggers('accounts', 'accounts_rep_week', 'rep_week_after_accounts');

-- settings: the thresholds set the hard counts (a time zone change: rollups_rebuild, R__rollups.sql)
create or replace function rep_week_rebuild() returns trigger
    language plpgsql as $$
begin
    perform refresh_rep_week(null, null, true);
    return null;
end $$;

call create_threshold_trigger('settings_rep_week_thresholds', 'rep_week_rebuild');
call create_segment_bounds_trigger('settings_rep_week_segments', 'rep_week_rebuild');

-- a changed definition applies to the rows already there
do $$ begin perform refresh_rep_week(null, null, true); end $$;
