-- Rollup of first response times by ISO week, team and FRT bucket (issue 16, docs/scaling.md section 5): the
-- team's exact FRT median and 90th percentile over a range (LeadingIndicatorsQuery's slow-first-reply
-- thresholds, metrics.md section 7) from a few hundred rows per week and the values of two to four buckets,
-- instead of sorting every FRT of the range. The table frt_week is V12's.
--
-- The current definition of every view, function and trigger of this rollup (a repeatable migration,
-- re-run whenever this file changes; rollups_rebuild and rollup_differences are in R__rollups.sql).
--
-- One definition: frt_week_rows(starts, ends) computes the rows of the tickets opened between two instants
-- from scratch through tickets_opened_idx; the view frt_week_history is all of it. Triggers on tickets
-- recompute, after each statement, the weeks the statement touched; a rep changing team recomputes the weeks
-- of the rep's tickets; a time zone change rebuilds (rollups_rebuild). No segment: the thresholds are the
-- team's, over every segment. Weeks rather than months: a range's edges not covered by whole weeks are at
-- most six days each, read from raw tickets.

-- The bucket bounds, ascending: 0, 10 s to 50 s, then from a minute up in steps of 5 % (whole seconds) to
-- 60 days; the last bucket is open-ended. Narrow, so that the buckets that hold a percentile's ranks hold
-- about 1 % of a range's FRTs. A change of the bounds rebuilds the table (this file's last statement).
create or replace function frt_bucket_bounds() returns interval[]
    language sql immutable parallel safe
    return (select array_agg(distinct b.bound order by b.bound)
            from (select make_interval(secs => s) as bound
                  from generate_series(0, 50, 10) as s
                  union all
                  select make_interval(secs => round(60 * power(1.05, i)))
                  from generate_series(0, 234) as i) b);

-- The bucket of a first response time: i when the i-th bound <= frt < the (i+1)-th (width_bucket compares
-- the intervals themselves, so the buckets' order is the FRTs' order).
create or replace function frt_bucket(frt interval) returns integer
    language sql immutable parallel safe
    return width_bucket(frt, frt_bucket_bounds());

create or replace function frt_week_rows(starts timestamptz, ends timestamptz)
    returns setof frt_week
    language sql stable as $$
    select date_trunc('week', t.opened_at at time zone s.time_zone)::date,
           r.team,
           frt_bucket(t.first_response_at - t.opened_at),
           count(*),
           array_agg(t.first_response_at - t.opened_at order by t.first_response_at - t.opened_at)
    from tickets t
    cross join settings s
    left join reps r on r.id = t.rep_id
    where s.id = 1
      and t.first_response_at is not null
      and t.opened_at >= starts
      and t.opened_at < ends
    group by 1, 2, 3
$$;

create or replace view frt_week_history as
select * from frt_week_rows('-infinity', 'infinity');

-- Recomputes the weeks from week(first_at) to week(last_at) in the organisation's time zone, or every week
-- when rebuild is set (nothing when first_at is null: the statement touched no row).
create or replace function refresh_frt_week(first_at timestamptz, last_at timestamptz, rebuild boolean default false)
    returns void
    language plpgsql as $$
declare
    zone       text := (select time_zone from settings where id = 1);
    first_week date;
    last_week  date;
begin
    perform pg_advisory_xact_lock(2054847098, 9);
    if rebuild or zone is null then
        delete from frt_week;
        insert into frt_week select * from frt_week_history;
    elsif first_at is not null then
        first_week := date_trunc('week', first_at at time zone zone)::date;
        last_week := date_trunc('week', last_at at time zone zone)::date;
        delete from frt_week where week between first_week and last_week;
        insert into frt_week
        select * from frt_week_rows(first_week::timestamp at time zone zone,
                                    (last_week + 7)::timestamp at time zone zone);
    end if;
end $$;

-- Statement-level, like rep_week's: the weeks recomputed span the openings of the changed answered rows,
-- old and new; only the rep, the opening and the first response matter (closing a ticket recomputes nothing).
create or replace function frt_week_after_tickets() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'INSERT' then
        select min(opened_at), max(opened_at) into first_at, last_at
        from new_rows where first_response_at is not null;
    elsif tg_op = 'DELETE' then
        select min(opened_at), max(opened_at) into first_at, last_at
        from old_rows where first_response_at is not null;
    elsif tg_op = 'UPDATE' then
        with changed as (
            (select id, rep_id, opened_at, first_response_at from new_rows
             except
             select id, rep_id, opened_at, first_response_at from old_rows)
            union all
            (select id, rep_id, opened_at, first_response_at from old_rows
             except
             select id, rep_id, opened_at, first_response_at from new_rows)
        )
        select min(opened_at), max(opened_at) into first_at, last_at
        from changed where first_response_at is not null;
    else
        perform refresh_frt_week(null, null, true);
        return null;
    end if;
    perform refresh_frt_week(first_at, last_at);
    return null;
end $$;

call create_rollup_triggers('tickets', 'tickets_frt_week', 'frt_week_after_tickets');

-- reps: a rep changing team moves their tickets' FRTs to the other team's rows (the weeks of the rep's
-- answered tickets, through tickets_rep_opened_idx). A new rep has no tickets, and one with tickets cannot be
-- deleted (the tickets reference it); truncation rebuilds.
create or replace function frt_week_after_reps() returns trigger
    language plpgsql as $$
declare
    first_at timestamptz;
    last_at  timestamptz;
begin
    if tg_op = 'UPDATE' then
        select min(t.opened_at), max(t.opened_at) into first_at, last_at
        from new_rows n
        join old_rows o on o.id = n.id and o.team is distinct from n.team
        join tickets t on t.rep_id = n.id
        where t.first_response_at is not null;
        perform refresh_frt_week(first_at, last_at);
    elsif tg_op = 'TRUNCATE' then
        perform refresh_frt_week(null, null, true);
    end if;
    return null;
end $$;

call create_rollup_triggers('reps', 'reps_frt_week', 'frt_week_after_reps');

-- a changed definition applies to the rows already there; statistics at once
do $$ begin perform refresh_frt_week(null, null, true); end $$;
analyze frt_week;
