package io.tandem.metrics;

import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The scope rules of metrics.md section 0 as the leading common table expressions of every revenue
 * and retention query, so that the range, the horizon, the team and segment filters and MRR by month
 * have one home in SQL. A query's text is {@code MetricScope.CTES + """ its_own_cte as (...) select ..."""}:
 * a compile-time constant, never built from input. The CTEs read the parameters {@code :from},
 * {@code :to}, {@code :team} and {@code :segment}; bind them with {@link #bind}. Support and happiness
 * queries add {@link #SUPPORT_CTES}.
 *
 * <p>CTEs it defines:
 * <ul>
 *   <li>{@code org}: the settings row;</li>
 *   <li>{@code bounds}: {@code first_month} = month(from), {@code last_month} = month(to) capped at the
 *       reporting {@code horizon};</li>
 *   <li>{@code range_months}: the months first_month..last_month (none after the horizon);</li>
 *   <li>{@code segment_labels}: the four segments ({@code tier} SMALL, MEDIUM, LARGE, UNKNOWN, their
 *       {@code position} and {@code segment} label from the seat bounds in settings);</li>
 *   <li>{@code scoped_accounts}: accounts passing the team and segment filters, with {@code segment}
 *       (label) and {@code tier} (SMALL, MEDIUM, LARGE, UNKNOWN);</li>
 *   <li>{@code account_mrr}: one row per scoped account and month from its first month to the horizon,
 *       with {@code mrr} = MRR(m), {@code prev_mrr} = MRR(m-1), {@code mrr_12_ago} = MRR(m-12) (0 before
 *       the account's first month), {@code cohort} (first month with MRR &gt; 0, null if none) and
 *       {@code had_mrr_before} (some month before m had MRR &gt; 0), read from the rollup table
 *       {@code account_month} (V4 migration), so a query pays for the months it reads, not for the
 *       whole history.</li>
 *   <li>{@code range_mrr}: the rows of {@code account_mrr} in the months of the range, read by index;
 *       a query that only needs those months should read this one.</li>
 * </ul>
 */
public final class MetricScope {

    public static final String CTES = """
            with org as (
                select s.time_zone,
                       s.currency,
                       s.gross_margin,
                       s.monthly_marketing_spend,
                       s.segment_small_max,
                       s.segment_medium_max,
                       s.hard_min_replies,
                       s.hard_min_minutes,
                       s.easy_max_replies,
                       s.easy_max_minutes
                from settings s
                -- the only row (check id = 1); said here so that the planner estimates one row, not the
                -- hundreds it assumes for a table never analysed, which then multiply through every join
                where s.id = 1
            ),
            -- state metrics are read at the end of each month of the range, never after the reporting
            -- horizon (section 0): months after it are absent, not zero
            bounds as (
                select date_trunc('month', cast(:from as date))::date                   as first_month,
                       least(date_trunc('month', cast(:to as date))::date, h.month)    as last_month,
                       h.month                                                          as horizon
                from reporting_horizon h
            ),
            range_months as (
                select m::date as month
                from bounds b
                cross join lateral generate_series(b.first_month, b.last_month, interval '1 month') as m
            ),
            -- segment from seats with the bounds in settings; an account without seats is 'unknown',
            -- its own segment, never folded into the smallest one (section 0); the SQL function
            -- segment_tier (V11) is its one home, shared with the rep_tier_month rollup
            segment_labels as (
                select t.tier,
                       t.position,
                       case t.tier
                           when 'SMALL' then '1-' || o.segment_small_max
                           when 'MEDIUM' then (o.segment_small_max + 1) || '-' || o.segment_medium_max
                           when 'LARGE' then (o.segment_medium_max + 1) || '+'
                           else 'unknown'
                       end as segment
                from (values ('SMALL', 1), ('MEDIUM', 2), ('LARGE', 3), ('UNKNOWN', 4)) as t (tier, position)
                cross join org o
            ),
            account_segment as (
                select a.id as account_id,
                       r.team,
                       sl.segment,
                       sl.tier
                from accounts a
                cross join org o
                left join reps r on r.id = a.owner_rep_id
                join segment_labels sl on sl.tier = segment_tier(a.seats, o.segment_small_max, o.segment_medium_max)
            ),
            -- team filter: accounts whose owner rep is in the team; accounts without an owner rep
            -- appear only without a team filter (section 0)
            scoped_accounts as (
                select s.account_id, s.segment, s.tier
                from account_segment s
                where (cast(:team as text) is null or s.team = cast(:team as text))
                  and (cast(:segment as text) is null or s.segment = cast(:segment as text))
            ),
            -- MRR by month per account (section 1) from the rollup account_month (V4 migration): one row
            -- per account and month from its first month to the horizon, MRR 0 in gaps and after a flat
            -- account's churn, with the window figures per account precomputed; kept equal to its
            -- from-scratch definition account_month_history by triggers on every write
            account_mrr as (
                select am.*, sa.segment, sa.tier
                from account_month_current am
                join scoped_accounts sa on sa.account_id = am.account_id
            ),
            -- account_mrr in the months of the range only, read through the month index: the bounds are
            -- scalar subqueries, which the planner uses as index bounds (a join to range_months is not)
            range_mrr as not materialized (
                select am.*, sa.segment, sa.tier
                from account_month_current am
                join scoped_accounts sa on sa.account_id = am.account_id
                where am.month between (select first_month from bounds) and (select last_month from bounds)
            ),
            """;

    /**
     * The support scope (metrics.md sections 0, 2 and 3), to follow {@link #CTES}: a query's text is
     * {@code MetricScope.CTES + MetricScope.SUPPORT_CTES + its own CTEs and select}. It reads the same
     * parameters; bind them with {@link #bind}.
     *
     * <p>CTEs it defines:
     * <ul>
     *   <li>{@code range_instants}: {@code starts} and {@code ends} of the range as instants: from 00:00 of
     *       {@code from} up to (excluding) 00:00 of the day after {@code to} in the organisation's time zone;</li>
     *   <li>{@code scoped_tickets}: tickets opened in the range, credited to their rep and passing the team
     *       and segment filters, with {@code rep} (external id), {@code week} (Monday of the ISO week in the
     *       organisation's time zone), {@code frt} (interval, null when unanswered), {@code answered} and
     *       {@code tier} (the difficulty tier: {@code easy}, {@code medium}, {@code hard}, from the SQL function
     *       {@code difficulty_tier} with the thresholds in settings);</li>
     *   <li>{@code scoped_ratings}: ratings given in the range, credited to the rating's rep or else the
     *       ticket's rep, passing the filters, with {@code tier}, {@code rep} (external id, null when
     *       neither names one) and {@code month};</li>
     *   <li>{@code scoped_closed_tickets}: tickets closed in the range, credited like their rating (or
     *       their rep when unrated), passing the filters, with {@code rated}.</li>
     * </ul>
     * The segment filter follows the ticket's account; tickets without an account (prospects) appear only
     * without a segment filter, as records without a rep appear only without a team filter.
     */
    public static final String SUPPORT_CTES = """
            range_instants as (
                select cast(:from as date)::timestamp at time zone o.time_zone       as starts,
                       (cast(:to as date) + 1)::timestamp at time zone o.time_zone   as ends
                from org o
            ),
            -- tickets are events at opened_at (section 0) and follow the rep credited with them, the ticket's
            -- rep; tickets without a rep appear only without a team filter
            scoped_tickets as (
                select t.id                                                           as ticket_id,
                       t.external_id,
                       t.customer_id,
                       t.account_id,
                       t.rep_id,
                       r.external_id                                                  as rep,
                       t.opened_at,
                       -- ISO weeks (Monday first) in the organisation's time zone (section 0)
                       date_trunc('week', t.opened_at at time zone o.time_zone)::date as week,
                       t.first_response_at,
                       -- section 2: FRT in calendar time; null for an unanswered ticket, never 0
                       t.first_response_at - t.opened_at                              as frt,
                       t.first_response_at is not null                                as answered,
                       t.agent_replies,
                       -- section 2, difficulty tier: the SQL function difficulty_tier (V6) is its one home,
                       -- shared with the rep_tier_month rollup
                       difficulty_tier(t.agent_replies, t.handle_minutes, t.escalated, st) as tier
                from tickets t
                cross join org o
                join settings st on st.id = 1
                left join reps r on r.id = t.rep_id
                -- scalar bounds, which the planner uses on the opened_at index
                where t.opened_at >= (select starts from range_instants)
                  and t.opened_at < (select ends from range_instants)
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                  and (cast(:segment as text) is null
                       or exists (select 1
                                  from account_segment asg
                                  where asg.account_id = t.account_id
                                    and asg.segment = cast(:segment as text)))
            ),
            -- section 3: whom a rating is credited to and the instant it counts at are the view ticket_credit's
            -- (db/migration/R__credit.sql), shared with the rep_tier_month rollup
            credited_ratings as (
                select tc.ticket_id,
                       tc.rating,
                       tc.rated_at,
                       tc.rep_id,
                       tc.account_id,
                       difficulty_tier(tc.agent_replies, tc.handle_minutes, tc.escalated, st) as tier
                from ticket_credit tc
                join settings st on st.id = 1
                where tc.rated
            ),
            scoped_ratings as (
                select cr.ticket_id,
                       cr.rating,
                       cr.tier,
                       r.external_id                                                   as rep,
                       date_trunc('month', cr.rated_at at time zone o.time_zone)::date as month
                from credited_ratings cr
                cross join org o
                cross join range_instants ri
                left join reps r on r.id = cr.rep_id
                where cr.rated_at >= ri.starts
                  and cr.rated_at < ri.ends
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                  and (cast(:segment as text) is null
                       or exists (select 1
                                  from account_segment asg
                                  where asg.account_id = cr.account_id
                                    and asg.segment = cast(:segment as text)))
            ),
            -- the denominator of the rating rate (section 3): tickets closed in the range, credited like
            -- their rating (ticket_credit) so that a rated ticket falls in the same team in both counts
            scoped_closed_tickets as (
                select tc.ticket_id,
                       tc.rated
                from ticket_credit tc
                cross join range_instants ri
                left join reps r on r.id = tc.rep_id
                where tc.closed_at >= ri.starts
                  and tc.closed_at < ri.ends
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                  and (cast(:segment as text) is null
                       or exists (select 1
                                  from account_segment asg
                                  where asg.account_id = tc.account_id
                                    and asg.segment = cast(:segment as text)))
            ),
            """;

    private MetricScope() {
    }

    /** Binds {@code :from}, {@code :to}, {@code :team} and {@code :segment}. */
    public static StatementSpec bind(StatementSpec spec, MetricFilter filter) {
        return spec
                .param("from", filter.from(), Types.DATE)
                .param("to", filter.to(), Types.DATE)
                .param("team", filter.team(), Types.VARCHAR)
                .param("segment", filter.segment(), Types.VARCHAR);
    }
}
