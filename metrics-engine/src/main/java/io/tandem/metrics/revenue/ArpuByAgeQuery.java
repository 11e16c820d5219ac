package io.tandem.metrics.revenue;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ARPU by account age and revenue per starting account, ages 0..36 (metrics.md section 1): cohorts
 * whose month lies in the range, read up to month(to) capped at the reporting horizon (section 0).
 */
@Component
public class ArpuByAgeQuery {

    public static final int MAX_AGE = 36;

    private static final String SQL = MetricScope.CTES + """
            cohort_accounts as (
                select distinct am.account_id, am.cohort
                from account_mrr am
                cross join bounds b
                where am.cohort between b.first_month and b.last_month
            ),
            ages as (
                select k as age
                from generate_series(0, :maxAge) as k
            ),
            -- revenue per starting account counts only cohorts old enough to have reached age k by the
            -- last month read (section 1); survivors at age k are necessarily in those cohorts too
            age_accounts as (
                select a.age,
                       ca.account_id,
                       (ca.cohort + make_interval(months => a.age))::date as month
                from ages a
                cross join bounds b
                join cohort_accounts ca on ca.cohort + make_interval(months => a.age) <= b.last_month
            ),
            age_figures as (
                select a.age,
                       count(aa.account_id)                             as starting_accounts,
                       count(am.account_id) filter (where am.mrr > 0)   as n,
                       avg(am.mrr) filter (where am.mrr > 0)            as arpu,
                       coalesce(sum(am.mrr), 0)                         as total_mrr
                from ages a
                left join age_accounts aa on aa.age = a.age
                left join account_mrr am on am.account_id = aa.account_id and am.month = aa.month
                group by a.age
            )
            select af.age,
                   af.arpu,
                   af.n,
                   af.total_mrr / nullif(af.starting_accounts, 0) as revenue_per_starting_account,
                   af.starting_accounts,
                   o.currency
            from age_figures af
            cross join org o
            order by af.age
            """;

    private final JdbcClient jdbc;

    public ArpuByAgeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ArpuByAge fetch(MetricFilter filter) {
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .param("maxAge", MAX_AGE)
                .query((rs, row) -> new Row(rs.getString("currency"), new AgeRow(
                        rs.getInt("age"),
                        rs.getBigDecimal("arpu"),
                        rs.getLong("n"),
                        rs.getBigDecimal("revenue_per_starting_account"),
                        rs.getLong("starting_accounts"))))
                .list();
        return new ArpuByAge(rows.get(0).currency(), rows.stream().map(Row::age).toList());
    }

    private record Row(String currency, AgeRow age) {
    }
}
