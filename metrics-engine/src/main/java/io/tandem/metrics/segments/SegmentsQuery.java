package io.tandem.metrics.segments;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Churn, NRR, ARPA, tickets and support cost per account by seat segment, with the suggested touch
 * model (metrics.md section 5, "Touch model by segment"; segments as in section 0). See
 * {@link SegmentRow} for each figure.
 */
@Component
public class SegmentsQuery {

    private static final String SQL = MetricScope.CTES + """
            segment_flows as (
                select am.tier,
                       count(*) filter (where am.mrr > 0)                     as account_months,
                       count(*) filter (where am.prev_mrr > 0)                as active_at_start,
                       count(*) filter (where am.prev_mrr > 0 and am.mrr = 0) as churned
                from range_mrr am
                join range_months rm on rm.month = am.month
                group by am.tier
            ),
            -- state at the last month of the range; nothing when the range lies after the horizon
            segment_state as (
                select am.tier,
                       count(*) filter (where am.mrr > 0)                 as active_accounts,
                       sum(am.mrr)                                        as mrr,
                       sum(am.mrr) filter (where am.mrr_12_ago > 0)       as retained_mrr,
                       sum(am.mrr_12_ago) filter (where am.mrr_12_ago > 0) as base_mrr
                from account_mrr am
                join bounds b on am.month = b.last_month and b.last_month >= b.first_month
                group by am.tier
            ),
            -- a per-account ratio: tickets follow the account (its segment and its owner's team), opened
            -- in the months of the range so that they match the account-months they are divided by. Every
            -- segment is counted, also under a segment filter, since the support cost is shared by them all.
            segment_tickets as (
                select asg.tier, count(*) as tickets
                from tickets t
                join account_segment asg on asg.account_id = t.account_id
                -- the range's months as an opened_at range, which the index serves (scalar bounds)
                where t.opened_at >= (select b.first_month::timestamp at time zone o.time_zone
                                      from bounds b cross join org o)
                  and t.opened_at < (select (b.last_month + interval '1 month')::timestamp at time zone o.time_zone
                                     from bounds b cross join org o)
                  and (cast(:team as text) is null or asg.team = cast(:team as text))
                group by asg.tier
            ),
            all_tickets as (
                select sum(st.tickets) as tickets
                from segment_tickets st
            ),
            -- support cost per account per month (section 5): support reps' annual cost / 12, shared
            -- among segments by their share of the tickets
            support_cost as (
                select sum(r.annual_cost) / 12 as monthly_cost
                from reps r
                where r.role = 'support'
                  and r.active
                  and (cast(:team as text) is null or r.team = cast(:team as text))
            )
            select sl.segment,
                   sl.tier,
                   coalesce(ss.active_accounts, 0)                                as active_accounts,
                   coalesce(sf.active_at_start, 0)                                as active_at_start,
                   coalesce(sf.churned, 0)                                        as churned,
                   ss.retained_mrr / nullif(ss.base_mrr, 0)                       as nrr,
                   ss.mrr / nullif(ss.active_accounts, 0)                         as arpa,
                   coalesce(st.tickets, 0)::numeric / nullif(sf.account_months, 0) as tickets_per_account_month,
                   sc.monthly_cost * coalesce(st.tickets, 0) / nullif(t.tickets, 0)
                       / nullif(ss.active_accounts, 0)                            as support_cost_per_account,
                   o.currency
            from segment_labels sl
            cross join org o
            cross join all_tickets t
            cross join support_cost sc
            left join segment_flows sf on sf.tier = sl.tier
            left join segment_state ss on ss.tier = sl.tier
            left join segment_tickets st on st.tier = sl.tier
            where cast(:segment as text) is null or sl.segment = cast(:segment as text)
            order by sl.position
            """;

    private final JdbcClient jdbc;

    public SegmentsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Segments fetch(MetricFilter filter) {
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> {
                    SegmentTier tier = SegmentTier.valueOf(rs.getString("tier"));
                    return new Row(rs.getString("currency"), new SegmentRow(
                            rs.getString("segment"),
                            tier,
                            rs.getLong("active_accounts"),
                            Rate.of(rs.getLong("churned"), rs.getLong("active_at_start")),
                            rs.getBigDecimal("nrr"),
                            rs.getBigDecimal("arpa"),
                            rs.getBigDecimal("tickets_per_account_month"),
                            rs.getBigDecimal("support_cost_per_account"),
                            tier.suggestedTouch()));
                })
                .list();
        String currency = rows.isEmpty() ? null : rows.get(0).currency();
        return new Segments(currency, rows.stream().map(Row::segment).toList());
    }

    private record Row(String currency, SegmentRow segment) {
    }
}
