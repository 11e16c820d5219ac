package io.tandem.metrics.revenue;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * NRR and GRR over 12 months for each month of the range (metrics.md section 1); reads MRR up to 12
 * months before the range (section 0, rolling figures).
 */
@Component
public class RevenueRetentionQuery {

    private static final String SQL = MetricScope.CTES + """
            -- the base of month m: accounts active in m-12 (section 1)
            month_retention as (
                select rm.month,
                       count(am.account_id) filter (where am.mrr_12_ago > 0)           as n,
                       sum(am.mrr) filter (where am.mrr_12_ago > 0)                     as mrr_now,
                       -- GRR caps each account's MRR(m) at its MRR(m-12): expansion does not count
                       sum(least(am.mrr, am.mrr_12_ago)) filter (where am.mrr_12_ago > 0) as mrr_capped,
                       sum(am.mrr_12_ago) filter (where am.mrr_12_ago > 0)              as mrr_base
                from range_months rm
                left join range_mrr am on am.month = rm.month
                group by rm.month
            )
            select mr.month,
                   mr.n,
                   mr.mrr_now / nullif(mr.mrr_base, 0)    as nrr,
                   mr.mrr_capped / nullif(mr.mrr_base, 0) as grr
            from month_retention mr
            order by mr.month
            """;

    private final JdbcClient jdbc;

    public RevenueRetentionQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RevenueRetention fetch(MetricFilter filter) {
        List<RetentionMonth> months = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> new RetentionMonth(
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getBigDecimal("nrr"),
                        rs.getBigDecimal("grr"),
                        rs.getLong("n")))
                .list();
        return new RevenueRetention(months);
    }
}
