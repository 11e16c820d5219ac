package io.tandem.metrics.indicators;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The three leading indicators of metrics.md section 7, each a cohort against a control group with
 * both groups' n and 95% Wilson intervals. Exposure months and cohorts lie in the range; outcomes are
 * read up to month(to) capped at the reporting horizon, so an observation whose horizon month is later
 * is left out (section 0, "Date range and age curves").
 *
 * <p>The unit is the account: the team and segment filters select accounts (owner rep's team, seats),
 * and all tickets and ratings of those accounts count. The team's FRT percentiles of the slow-first-reply
 * indicator are over the answered tickets opened in the range whose rep is in the team.
 *
 * <p>One statement, read from the rollups of the V12 migration (docs/scaling.md section 5): a few rows per
 * month for any range and filter; raw rows only in the test that compares both.
 */
@Component
public class LeadingIndicatorsQuery {

    private static final String INDICATORS = """
            indicators as (
                select i.name, i.horizon, i.position
                from (values ('BAD_EXPERIENCE', 3, 1),
                             ('BAD_EXPERIENCE', 12, 2),
                             ('EARLY_CONTACT', 6, 3),
                             ('EARLY_CONTACT', 12, 4),
                             ('SLOW_FIRST_REPLY', 12, 5)) as i (name, horizon, position)
            ),
            """;

    /** Observations from raw rows: every rating of the range, the cohort accounts' tickets, MRR months. */
    private static final String RAW_OBSERVATIONS = MetricScope.CTES + INDICATORS + """
            -- accounts whose cohort lies in the range: each has a row in its cohort month, so they are read
            -- through the month index, one row per account (not the whole history of every account)
            cohort_accounts as materialized (
                select am.account_id, am.cohort
                from account_month_current am
                join scoped_accounts sa on sa.account_id = am.account_id
                where am.month between (select first_month from bounds) and (select last_month from bounds)
                  and am.month = am.cohort
            ),
            -- a rating's month in the organisation's time zone, from the instant it counts at (ticket_credit,
            -- db/migration/R__credit.sql: a rating without rated_at dates from its ticket)
            account_rating_months as materialized (
                select tc.account_id,
                       date_trunc('month', tc.rated_at at time zone o.time_zone)::date as month,
                       bool_or(tc.rating = 'not_good')                              as any_not_good,
                       bool_and(tc.rating = 'great')                                as only_great
                from ticket_credit tc
                cross join org o
                where tc.rated
                  and tc.account_id is not null
                  -- only the range's months are observed
                  and tc.rated_at
                      >= (select b.first_month::timestamp at time zone o2.time_zone from bounds b cross join org o2)
                  and tc.rated_at
                      < (select (b.last_month + interval '1 month')::timestamp at time zone o2.time_zone
                         from bounds b cross join org o2)
                group by tc.account_id, 2
            ),
            -- section 7: a not_good rating in m (cohort) against only great ratings in m (control), still
            -- active in m + horizon; one observation per account and month m, m in the range and the
            -- account active in m, pooled over the months
            bad_experience as (
                select i.name,
                       i.horizon,
                       arm.any_not_good           as in_cohort,
                       coalesce(later.mrr, 0) > 0 as retained
                from account_rating_months arm
                join range_months rm on rm.month = arm.month
                join scoped_accounts sa on sa.account_id = arm.account_id
                join account_month_current am on am.account_id = arm.account_id and am.month = arm.month and am.mrr > 0
                join indicators i on i.name = 'BAD_EXPERIENCE'
                cross join bounds b
                left join account_month_current later
                  on later.account_id = arm.account_id
                 and later.month = (arm.month + make_interval(months => i.horizon))::date
                where (arm.any_not_good or arm.only_great)
                  and arm.month + make_interval(months => i.horizon) <= b.last_month
            ),
            -- section 7: a ticket opened in the account's first 90 days after sign-up (cohort) or none
            -- (control), active at age horizon; cohorts old enough only
            early_contact as (
                select i.name,
                       i.horizon,
                       exists (select 1
                               from tickets t
                               where t.account_id = ca.account_id
                                 and t.opened_at >= a.signed_up_at
                                 and t.opened_at < a.signed_up_at + interval '90 days') as in_cohort,
                       coalesce(later.mrr, 0) > 0                                        as retained
                from cohort_accounts ca
                join accounts a on a.id = ca.account_id
                join indicators i on i.name = 'EARLY_CONTACT'
                cross join bounds b
                left join account_month_current later
                  on later.account_id = ca.account_id
                 and later.month = (ca.cohort + make_interval(months => i.horizon))::date
                where ca.cohort + make_interval(months => i.horizon) <= b.last_month
            ),
            -- the team's median and p90 first response time (section 2: calendar time, continuous
            -- percentiles) over answered tickets opened in the range; tickets follow their rep (section 0).
            -- Materialized: computed once, not again for every first ticket it is compared with
            frt_thresholds as materialized (
                select percentile_cont(0.5) within group (order by t.first_response_at - t.opened_at) as median_frt,
                       percentile_cont(0.9) within group (order by t.first_response_at - t.opened_at) as p90_frt
                from tickets t
                cross join org o
                left join reps r on r.id = t.rep_id
                where t.first_response_at is not null
                  and t.opened_at >= cast(:from as date)::timestamp at time zone o.time_zone
                  and t.opened_at < (cast(:to as date) + 1)::timestamp at time zone o.time_zone
                  and (cast(:team as text) is null or r.team = cast(:team as text))
            ),
            -- each cohort account's first ticket, one index probe per account (tickets_account_opened_idx)
            first_tickets as (
                select ca.account_id, ft.opened_at, ft.first_response_at
                from cohort_accounts ca
                cross join lateral (select t.opened_at, t.first_response_at
                                    from tickets t
                                    where t.account_id = ca.account_id
                                    order by t.opened_at, t.id
                                    limit 1) ft
            ),
            -- section 7: the first ticket waited longer than the p90 (cohort) or was answered under the
            -- median (control); active at age horizon. A first ticket never answered is in neither group,
            -- and so is one opened at or after the horizon age, whose outcome would precede it.
            slow_first_reply as (
                select i.name,
                       i.horizon,
                       ft.first_response_at - ft.opened_at > th.p90_frt as in_cohort,
                       coalesce(later.mrr, 0) > 0                       as retained
                from first_tickets ft
                join cohort_accounts ca on ca.account_id = ft.account_id
                join indicators i on i.name = 'SLOW_FIRST_REPLY'
                cross join frt_thresholds th
                cross join bounds b
                cross join org o
                left join account_month_current later
                  on later.account_id = ft.account_id
                 and later.month = (ca.cohort + make_interval(months => i.horizon))::date
                where ft.first_response_at is not null
                  and (ft.first_response_at - ft.opened_at > th.p90_frt
                       or ft.first_response_at - ft.opened_at < th.median_frt)
                  and ca.cohort + make_interval(months => i.horizon) <= b.last_month
                  and ft.opened_at < (ca.cohort + make_interval(months => i.horizon))::timestamp at time zone o.time_zone
            ),
            """;

    /**
     * The same counts from the rollups (V12 migration): retention after a bad experience summed per month, owner
     * rep and segment in indicator_month; the cohort accounts' rows of account_support_month for early
     * contact and slow first reply; the team's FRT thresholds from frt_week, the days at the range's edges from
     * raw tickets.
     */
    private static final String ROLLUP_COUNTS = MetricScope.CTES + INDICATORS + """
            -- the segment filter as the rollups store it (segment_tier, V11)
            scoped_tier as (
                select sl.tier
                from segment_labels sl
                where sl.segment = cast(:segment as text)
            ),
            -- section 7: a not_good rating in m (cohort) against only great ratings in m (control), still
            -- active in m + horizon; one observation per account and month m, m in the range and the
            -- account active in m, pooled over the months: the sums of the months old enough
            bad_experience as (
                select i.name,
                       i.horizon,
                       sum(im.not_good)::bigint                                                as cohort_n,
                       sum(case i.horizon when 3 then im.not_good_3 else im.not_good_12 end)::bigint as cohort_retained,
                       sum(im.only_great)::bigint                                              as control_n,
                       sum(case i.horizon when 3 then im.only_great_3 else im.only_great_12 end)::bigint as control_retained
                from indicator_month_current im
                join indicators i on i.name = 'BAD_EXPERIENCE'
                cross join bounds b
                left join reps r on r.id = im.owner_rep_id
                where im.month between (select first_month from bounds) and (select last_month from bounds)
                  and im.month + make_interval(months => i.horizon) <= b.last_month
                  -- the account's owner rep's team and the account's segment (section 0), as scoped_accounts
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                  and (cast(:segment as text) is null or im.segment = (select tier from scoped_tier))
                group by i.name, i.horizon
            ),
            -- accounts whose cohort lies in the range, one rollup row each, with the facts of section 7 about
            -- their first tickets
            cohort_accounts as materialized (
                select iam.month as cohort,
                       iam.active_6,
                       iam.active_12,
                       iam.early_contact,
                       iam.first_opened_at,
                       iam.first_frt
                from account_support_month_current iam
                left join reps r on r.id = iam.owner_rep_id
                where iam.cohort
                  and iam.month between (select first_month from bounds) and (select last_month from bounds)
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                  and (cast(:segment as text) is null or iam.segment = (select tier from scoped_tier))
            ),
            -- section 7: a ticket opened in the account's first 90 days after sign-up (cohort) or none
            -- (control), active at age horizon; cohorts old enough only
            early_contact as (
                select i.name,
                       i.horizon,
                       ca.early_contact                                                              as in_cohort,
                       coalesce(case i.horizon when 6 then ca.active_6 else ca.active_12 end, false) as retained
                from cohort_accounts ca
                join indicators i on i.name = 'EARLY_CONTACT'
                cross join bounds b
                where ca.cohort + make_interval(months => i.horizon) <= b.last_month
            ),
            -- the instants of the range, and the Mondays of the first and last weeks wholly inside it (none when
            -- first > last) with the instants they span; without whole weeks their span is empty, at the range's end
            frt_range as (
                select w.first_week,
                       w.last_week,
                       w.range_starts,
                       w.range_ends,
                       case when w.first_week <= w.last_week
                            then w.first_week::timestamp at time zone og.time_zone else w.range_ends end      as starts,
                       case when w.first_week <= w.last_week
                            then (w.last_week + 7)::timestamp at time zone og.time_zone else w.range_ends end as ends
                from (select date_trunc('week', cast(:from as date) + 6)::date                as first_week,
                             date_trunc('week', cast(:to as date) - 6)::date                  as last_week,
                             cast(:from as date)::timestamp at time zone o.time_zone          as range_starts,
                             (cast(:to as date) + 1)::timestamp at time zone o.time_zone      as range_ends
                      from org o) w
                cross join org og
            ),
            -- the FRTs of the answered tickets opened in the range whose rep is in the team (tickets follow
            -- their rep, section 0), by bucket: the whole weeks from the rollup frt_week (V12), the days at the
            -- range's edges (at most six each) from raw rows, one per ticket (as frt_week_rows counts them)
            frt_whole_weeks as not materialized (
                select fw.bucket, fw.tickets, fw.frts
                from frt_week fw
                where fw.week between (select first_week from frt_range) and (select last_week from frt_range)
                  and (cast(:team as text) is null or fw.team = cast(:team as text))
            ),
            frt_edges as materialized (
                select e.bucket, e.frt
                from (select frt_bucket(t.first_response_at - t.opened_at) as bucket,
                             t.first_response_at - t.opened_at              as frt,
                             t.rep_id
                      from tickets t
                      where t.opened_at >= (select range_starts from frt_range)
                        and t.opened_at < (select starts from frt_range)
                        and t.first_response_at is not null
                      union all
                      select frt_bucket(t.first_response_at - t.opened_at), t.first_response_at - t.opened_at, t.rep_id
                      from tickets t
                      where t.opened_at >= (select ends from frt_range)
                        and t.opened_at < (select range_ends from frt_range)
                        and t.first_response_at is not null) e
                left join reps r on r.id = e.rep_id
                where cast(:team as text) is null or r.team = cast(:team as text)
            ),
            -- how many FRTs each bucket holds, how many lie in the buckets below it, and how many in all
            frt_buckets as (
                select b.bucket,
                       b.tickets,
                       (sum(b.tickets) over (order by b.bucket) - b.tickets)::bigint as below,
                       (sum(b.tickets) over ())::bigint                              as total
                from (select x.bucket, sum(x.tickets)::bigint as tickets
                      from (select wm.bucket, wm.tickets from frt_whole_weeks wm
                            union all
                            select fe.bucket, 1 from frt_edges fe) x
                      group by x.bucket) b
            ),
            -- section 2's median and 90th percentile are continuous (PostgreSQL's percentile_cont): the value at
            -- position fraction x (n - 1) of the ascending FRTs, interpolated between the ranks below and above
            frt_ranks as (
                select p.fraction,
                       p.fraction * (t.total - 1)::float8        as position,
                       floor(p.fraction * (t.total - 1)::float8)::bigint as lower_rank,
                       ceil(p.fraction * (t.total - 1)::float8)::bigint  as upper_rank
                from (values (0.5::float8), (0.9::float8)) as p (fraction)
                cross join (select max(total) as total from frt_buckets) t
                where t.total > 0
            ),
            -- each rank wanted, its bucket and its place among that bucket's FRTs
            frt_wanted as (
                select distinct w.rank, fb.bucket, w.rank - fb.below as place
                from frt_ranks fr
                cross join lateral (values (fr.lower_rank), (fr.upper_rank)) as w (rank)
                join frt_buckets fb on w.rank >= fb.below and w.rank < fb.below + fb.tickets
            ),
            -- only the wanted buckets' FRTs are read (an array of buckets: an index condition on
            -- frt_week_bucket_idx) and sorted
            frt_values as (
                select fw.rank, v.frt
                from frt_wanted fw
                join (select x.bucket, x.frt, row_number() over (partition by x.bucket order by x.frt) - 1 as place
                      from (select wm.bucket, f.frt
                            from frt_whole_weeks wm
                            cross join lateral unnest(wm.frts) as f (frt)
                            where wm.bucket = any (array(select bucket from frt_wanted))
                            union all
                            select fe.bucket, fe.frt
                            from frt_edges fe
                            where fe.bucket = any (array(select bucket from frt_wanted))) x) v
                  on v.bucket = fw.bucket and v.place = fw.place
            ),
            -- as percentile_cont interpolates: lower + (upper - lower) x (position - lower rank), or the lower
            -- value when the position is a rank; null without answered tickets
            frt_thresholds as materialized (
                select max(x.frt) filter (where x.fraction = 0.5) as median_frt,
                       max(x.frt) filter (where x.fraction = 0.9) as p90_frt
                from (select fr.fraction,
                             case when fr.upper_rank > fr.lower_rank
                                  then lo.frt + (hi.frt - lo.frt) * (fr.position - fr.lower_rank)
                                  else lo.frt end as frt
                      from frt_ranks fr
                      join frt_values lo on lo.rank = fr.lower_rank
                      join frt_values hi on hi.rank = fr.upper_rank) x
            ),
            -- section 7: the first ticket waited longer than the p90 (cohort) or was answered under the
            -- median (control); active at age horizon. A first ticket never answered is in neither group,
            -- and so is one opened at or after the horizon age, whose outcome would precede it.
            slow_first_reply as (
                select i.name,
                       i.horizon,
                       ca.first_frt > th.p90_frt     as in_cohort,
                       coalesce(ca.active_12, false) as retained
                from cohort_accounts ca
                join indicators i on i.name = 'SLOW_FIRST_REPLY'
                cross join frt_thresholds th
                cross join bounds b
                cross join org og
                where ca.first_frt is not null
                  and (ca.first_frt > th.p90_frt or ca.first_frt < th.median_frt)
                  and ca.cohort + make_interval(months => i.horizon) <= b.last_month
                  and ca.first_opened_at < (ca.cohort + make_interval(months => i.horizon))::timestamp at time zone og.time_zone
            ),
            group_counts as (
                select name, horizon, cohort_n, cohort_retained, control_n, control_retained
                from bad_experience
                union all
                select ob.name,
                       ob.horizon,
                       count(*) filter (where ob.in_cohort),
                       count(*) filter (where ob.in_cohort and ob.retained),
                       count(*) filter (where not ob.in_cohort),
                       count(*) filter (where not ob.in_cohort and ob.retained)
                from (select name, horizon, in_cohort, retained from early_contact
                      union all
                      select name, horizon, in_cohort, retained from slow_first_reply) ob
                group by ob.name, ob.horizon
            )
            """;

    /** The counts per indicator from the observations of raw rows. */
    private static final String RAW_COUNTS = RAW_OBSERVATIONS + """
            observations as (
                select name, horizon, in_cohort, retained from bad_experience
                union all
                select name, horizon, in_cohort, retained from early_contact
                union all
                select name, horizon, in_cohort, retained from slow_first_reply
            ),
            group_counts as (
                select ob.name,
                       ob.horizon,
                       count(*) filter (where ob.in_cohort)                     as cohort_n,
                       count(*) filter (where ob.in_cohort and ob.retained)     as cohort_retained,
                       count(*) filter (where not ob.in_cohort)                 as control_n,
                       count(*) filter (where not ob.in_cohort and ob.retained) as control_retained
                from observations ob
                group by ob.name, ob.horizon
            )
            """;

    /** Every indicator, with its counts (none: 0): the same for both. */
    private static final String INDICATOR_ROWS = """
            select i.name,
                   i.horizon,
                   coalesce(gc.cohort_n, 0)         as cohort_n,
                   coalesce(gc.cohort_retained, 0)  as cohort_retained,
                   coalesce(gc.control_n, 0)        as control_n,
                   coalesce(gc.control_retained, 0) as control_retained
            from indicators i
            left join group_counts gc on gc.name = i.name and gc.horizon = i.horizon
            order by i.position
            """;

    private static final String RAW_SQL = RAW_COUNTS + INDICATOR_ROWS;
    private static final String ROLLUP_SQL = ROLLUP_COUNTS + INDICATOR_ROWS;

    private final JdbcClient jdbc;

    public LeadingIndicatorsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From the rollups account_support_month, indicator_month and frt_week: the same figures as from raw rows. */
    public LeadingIndicators fetch(MetricFilter filter) {
        return fetch(filter, ROLLUP_SQL);
    }

    /** From raw rows (for the test that compares both paths). */
    LeadingIndicators fetchRaw(MetricFilter filter) {
        return fetch(filter, RAW_SQL);
    }

    private LeadingIndicators fetch(MetricFilter filter, String sql) {
        List<Indicator> indicators = MetricScope.bind(jdbc.sql(sql), filter)
                .query((rs, row) -> new Indicator(
                        IndicatorName.valueOf(rs.getString("name")),
                        GroupRate.of(rs.getLong("cohort_retained"), rs.getLong("cohort_n")),
                        GroupRate.of(rs.getLong("control_retained"), rs.getLong("control_n")),
                        rs.getInt("horizon")))
                .list();
        return new LeadingIndicators(indicators);
    }
}
