package io.tandem.metrics.support;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contact rate by month, in total and per segment (metrics.md section 2). Active accounts are a state
 * metric, so the months stop at the reporting horizon (section 0). The unit is the customer of an active
 * account: the team and segment filters select accounts (owner rep's team, seats) as for every
 * account-based figure, and any ticket a selected customer opened counts, whoever handled it. Prospects
 * (customers without an account) are never counted.
 */
@Component
public class ContactRateQuery {

    private static final String SQL = MetricScope.CTES + """
            -- section 2: customers of accounts active in m (MRR(m) > 0); a customer with a created_at after
            -- the month is not yet one of them
            month_customers as (
                select am.month,
                       am.tier,
                       c.id as customer_id
                from account_mrr am
                join range_months rm on rm.month = am.month
                join customers c on c.account_id = am.account_id
                cross join org o
                where am.mrr > 0
                  and (c.created_at is null
                       or c.created_at < (am.month + interval '1 month')::timestamp at time zone o.time_zone)
            ),
            -- customers who opened a ticket in m, months in the organisation's time zone
            month_contacts as (
                select distinct date_trunc('month', t.opened_at at time zone o.time_zone)::date as month,
                                t.customer_id
                from tickets t
                cross join org o
                cross join bounds b
                where t.opened_at >= b.first_month::timestamp at time zone o.time_zone
                  and t.opened_at < (b.last_month + interval '1 month')::timestamp at time zone o.time_zone
            )
            select rm.month,
                   sl.segment,
                   sl.position,
                   grouping(sl.segment)      as all_segments,
                   count(mc.customer_id)     as customers,
                   count(ct.customer_id)     as contacted
            from range_months rm
            cross join segment_labels sl
            left join month_customers mc on mc.month = rm.month and mc.tier = sl.tier
            left join month_contacts ct on ct.month = mc.month and ct.customer_id = mc.customer_id
            where cast(:segment as text) is null or sl.segment = cast(:segment as text)
            group by grouping sets ((rm.month), (rm.month, sl.segment, sl.position))
            order by all_segments desc, sl.position, rm.month
            """;

    private final JdbcClient jdbc;

    public ContactRateQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ContactRate fetch(MetricFilter filter) {
        List<ContactMonth> months = new ArrayList<>();
        Map<String, List<ContactMonth>> bySegment = new LinkedHashMap<>();
        MetricScope.bind(jdbc.sql(SQL), filter)
                .query(rs -> {
                    ContactMonth month = new ContactMonth(
                            YearMonth.from(rs.getDate("month").toLocalDate()),
                            rs.getLong("customers"),
                            rs.getLong("contacted"),
                            Rate.of(rs.getLong("contacted"), rs.getLong("customers")));
                    if (rs.getInt("all_segments") == 1) {
                        months.add(month);
                    } else {
                        bySegment.computeIfAbsent(rs.getString("segment"), s -> new ArrayList<>()).add(month);
                    }
                });
        List<SegmentContactRate> segments = bySegment.entrySet().stream()
                .map(e -> new SegmentContactRate(e.getKey(), e.getValue()))
                .toList();
        return new ContactRate(months, segments);
    }
}
