package io.tandem.metrics.retention;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer (logo) churn per month and trailing 12 months (metrics.md section 1). */
@Component
public class LogoChurnQuery {

    private static final String SQL = MetricScope.CTES + """
            -- rolling figures may read up to 12 months before the range (section 0): the trailing
            -- window of the first month of the range starts 11 months earlier
            churn_months as (
                select m::date as month
                from bounds b
                cross join lateral generate_series(b.first_month - interval '11 months', b.last_month,
                                                   interval '1 month') as m
            ),
            -- churned in m / active in m-1 (section 1)
            month_churn as (
                select cm.month,
                       count(am.account_id) filter (where am.prev_mrr > 0)                 as active_at_start,
                       count(am.account_id) filter (where am.prev_mrr > 0 and am.mrr = 0)  as churned
                from churn_months cm
                left join account_mrr am
                  on am.month = cm.month
                 -- the same months as scalar bounds, which the month index serves
                 and am.month between (select (first_month - interval '11 months')::date from bounds)
                                  and (select last_month from bounds)
                group by cm.month
            ),
            trailing_churn as (
                select mc.month,
                       mc.active_at_start,
                       mc.churned,
                       sum(mc.churned) over t12         as churned_12,
                       sum(mc.active_at_start) over t12 as active_at_start_12
                from month_churn mc
                window t12 as (order by mc.month rows between 11 preceding and current row)
            )
            select tc.month,
                   tc.active_at_start,
                   tc.churned,
                   tc.churned_12,
                   tc.active_at_start_12
            from trailing_churn tc
            join range_months rm on rm.month = tc.month
            order by tc.month
            """;

    private final JdbcClient jdbc;

    public LogoChurnQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LogoChurn fetch(MetricFilter filter) {
        List<ChurnMonth> months = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> new ChurnMonth(
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getLong("active_at_start"),
                        rs.getLong("churned"),
                        Rate.of(rs.getLong("churned"), rs.getLong("active_at_start")),
                        Trailing12Churn.of(rs.getLong("churned_12"), rs.getLong("active_at_start_12"))))
                .list();
        Trailing12Churn trailing = months.isEmpty() ? null : months.get(months.size() - 1).trailing12Rate();
        return new LogoChurn(months, trailing);
    }
}
