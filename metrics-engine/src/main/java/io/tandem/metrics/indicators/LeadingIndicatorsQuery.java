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
 */
@Component
public class LeadingIndicatorsQuery {

    private static final String SQL = MetricScope.CTES + """
            indicators as (
                select i.name, i.horizon, i.position
                from (values ('BAD_EXPERIENCE', 3, 1),
                             ('BAD_EXPERIENCE', 12, 2),
                             ('EARLY_CONTACT', 6, 3),
                             ('EARLY_CONTACT', 12, 4),
                             ('SLOW_FIRST_REPLY', 12, 5)) as i (name, horizon, position)
            ),
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
            observations as (
                select name, horizon, in_cohort, retained from bad_experience
                union all
                select name, horizon, in_cohort, retained from early_contact
                union all
                select name, horizon, in_cohort, retained from slow_first_reply
            )
            select i.name,
                   i.horizon,
                   count(ob.name) filter (where ob.in_cohort)                       as cohort_n,
                   count(ob.name) filter (where ob.in_cohort and ob.retained)       as cohort_retained,
                   count(ob.name) filter (where not ob.in_cohort)                   as control_n,
                   count(ob.name) filter (where not ob.in_cohort and ob.retained)   as control_retained
            from indicators i
            left join observations ob on ob.name = i.name and ob.horizon = i.horizon
            group by i.name, i.horizon, i.position
            order by i.position
            """;

    private final JdbcClient jdbc;

    public LeadingIndicatorsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LeadingIndicators fetch(MetricFilter filter) {
        List<Indicator> indicators = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> new Indicator(
                        IndicatorName.valueOf(rs.getString("name")),
                        GroupRate.of(rs.getLong("cohort_retained"), rs.getLong("cohort_n")),
                        GroupRate.of(rs.getLong("control_retained"), rs.getLong("control_n")),
                        rs.getInt("horizon")))
                .list();
        return new LeadingIndicators(indicators);
    }
}
