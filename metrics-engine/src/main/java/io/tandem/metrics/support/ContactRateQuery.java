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
 *
 * <p>One statement, read from the rollup contact_month (V12 migration, docs/scaling.md section 5): a few rows
 * per month for any range and filter; raw rows only in the test that compares both.
 */
@Component
public class ContactRateQuery {

    /** Customers and contacted customers per month and segment tier from raw rows: any filter. */
    private static final String RAW_COUNTS = MetricScope.CTES + """
            -- section 2: customers of accounts active in m (MRR(m) > 0); a customer created after the month
            -- is not yet one of them. Counted per account by the month they joined, those who joined before
            -- the range (or at an unknown time) in one row per account, so that the join below has about one
            -- row per active account-month rather than one per customer and month.
            account_joins as (
                select c.account_id,
                       case when c.created_at >= b.first_month::timestamp at time zone o.time_zone
                            then date_trunc('month', c.created_at at time zone o.time_zone)::date end as joined_month,
                       count(*)                                                                    as n
                from customers c
                cross join org o
                cross join bounds b
                where c.account_id is not null
                group by 1, 2
            ),
            month_customers as (
                select am.month,
                       am.tier,
                       sum(aj.n) as customers
                from range_mrr am
                join account_joins aj on aj.account_id = am.account_id
                                     and (aj.joined_month is null or aj.joined_month <= am.month)
                where am.mrr > 0
                group by am.month, am.tier
            ),
            -- customers of accounts active in m who opened a ticket in m, months in the organisation's time zone
            month_contacted as (
                select am.month,
                       am.tier,
                       count(*) as contacted
                from (select distinct date_trunc('month', t.opened_at at time zone o.time_zone)::date as month,
                                      t.customer_id
                      from tickets t
                      cross join org o
                      cross join bounds b
                      where t.opened_at >= b.first_month::timestamp at time zone o.time_zone
                        and t.opened_at < (b.last_month + interval '1 month')::timestamp at time zone o.time_zone) ct
                join customers c on c.id = ct.customer_id
                join range_mrr am on am.account_id = c.account_id and am.month = ct.month
                cross join org o
                where am.mrr > 0
                  and (c.created_at is null
                       or c.created_at < (am.month + interval '1 month')::timestamp at time zone o.time_zone)
                group by am.month, am.tier
            ),
            month_counts as (
                select x.month,
                       x.tier,
                       sum(x.customers) as customers,
                       sum(x.contacted) as contacted
                from (select mc.month, mc.tier, mc.customers, 0 as contacted from month_customers mc
                      union all
                      select ct.month, ct.tier, 0, ct.contacted from month_contacted ct) x
                group by x.month, x.tier
            )
            """;

    /**
     * The same counts from the rollup contact_month (V12 migration): summed per month, owner rep and segment of
     * the accounts, so that a range reads a few rows per month; the team is the owner rep's, read at query time.
     */
    private static final String ROLLUP_COUNTS = MetricScope.CTES + """
            month_counts as (
                select cm.month,
                       cm.segment        as tier,
                       sum(cm.customers) as customers,
                       sum(cm.contacted) as contacted
                from contact_month_current cm
                left join reps r on r.id = cm.owner_rep_id
                where cm.month between (select first_month from bounds) and (select last_month from bounds)
                  -- the account's owner rep's team (section 0), as scoped_accounts; the segment below
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                group by cm.month, cm.segment
            )
            """;

    /** Per month and segment, with the totals per month: the same for both. */
    private static final String FIGURES = """
            select rm.month,
                   sl.segment,
                   sl.position,
                   grouping(sl.segment)                    as all_segments,
                   coalesce(sum(mc.customers), 0)::bigint  as customers,
                   coalesce(sum(mc.contacted), 0)::bigint  as contacted
            from range_months rm
            cross join segment_labels sl
            left join month_counts mc on mc.month = rm.month and mc.tier = sl.tier
            where cast(:segment as text) is null or sl.segment = cast(:segment as text)
            group by grouping sets ((rm.month), (rm.month, sl.segment, sl.position))
            order by all_segments desc, sl.position, rm.month
            """;

    private static final String RAW_SQL = RAW_COUNTS + FIGURES;
    private static final String ROLLUP_SQL = ROLLUP_COUNTS + FIGURES;

    private final JdbcClient jdbc;

    public ContactRateQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From the rollup contact_month: the same figures as from raw rows. */
    public ContactRate fetch(MetricFilter filter) {
        return fetch(filter, ROLLUP_SQL);
    }

    /** From raw rows (for the test that compares both paths). */
    ContactRate fetchRaw(MetricFilter filter) {
        return fetch(filter, RAW_SQL);
    }

    private ContactRate fetch(MetricFilter filter, String sql) {
        List<ContactMonth> months = new ArrayList<>();
        Map<String, List<ContactMonth>> bySegment = new LinkedHashMap<>();
        MetricScope.bind(jdbc.sql(sql), filter)
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
