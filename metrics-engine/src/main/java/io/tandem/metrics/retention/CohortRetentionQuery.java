package io.tandem.metrics.retention;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The logo retention cohort table (metrics.md section 1): cohorts whose month lies in the range, with
 * cells read up to month(to) capped at the reporting horizon (section 0, "Date range and age curves").
 */
@Component
public class CohortRetentionQuery {

    private static final String SQL = MetricScope.CTES + """
            cohort_accounts as (
                select distinct am.account_id, am.cohort
                from account_mrr am
                cross join bounds b
                where am.cohort between b.first_month and b.last_month
            ),
            cohort_sizes as (
                select ca.cohort, count(*) as size
                from cohort_accounts ca
                group by ca.cohort
            ),
            -- cells only up to the last month read: a cell in the future is absent, not 0 (section 1)
            cells as (
                select cs.cohort,
                       cs.size,
                       k                                                    as age,
                       (cs.cohort + make_interval(months => k))::date       as month
                from cohort_sizes cs
                cross join bounds b
                cross join lateral generate_series(
                        0,
                        ((extract(year from b.last_month) - extract(year from cs.cohort)) * 12
                            + extract(month from b.last_month) - extract(month from cs.cohort))::int) as k
            ),
            cell_active as (
                select c.cohort,
                       c.size,
                       c.age,
                       count(am.account_id) filter (where am.mrr > 0) as active
                from cells c
                join cohort_accounts ca on ca.cohort = c.cohort
                left join account_mrr am on am.account_id = ca.account_id and am.month = c.month
                group by c.cohort, c.size, c.age
            )
            select ca.cohort,
                   ca.size,
                   array_agg(ca.active::numeric / ca.size order by ca.age) as retention
            from cell_active ca
            group by ca.cohort, ca.size
            order by ca.cohort
            """;

    private final JdbcClient jdbc;

    public CohortRetentionQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CohortRetention fetch(MetricFilter filter) {
        List<CohortRow> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> new CohortRow(
                        YearMonth.from(rs.getDate("cohort").toLocalDate()),
                        rs.getLong("size"),
                        decimals(rs.getArray("retention"))))
                .list();
        return new CohortRetention(rows);
    }

    private static List<BigDecimal> decimals(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(BigDecimal.class::cast).toList();
    }
}
