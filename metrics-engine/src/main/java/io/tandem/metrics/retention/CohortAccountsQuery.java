package io.tandem.metrics.retention;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The drill-down of a cohort table cell (metrics.md section 1, "Logo retention cohort table"): the
 * accounts of cohort c with their MRR in month c + k, under the same team and segment filters as the
 * table. The range of the filter is not used: the cell names its own month.
 */
@Component
public class CohortAccountsQuery {

    private static final String SQL = MetricScope.CTES + """
            -- the cohort: accounts whose first month with MRR > 0 is :cohort (section 1)
            cohort_accounts as (
                select distinct am.account_id, am.segment
                from account_mrr am
                where am.cohort = cast(:cohort as date)
            ),
            -- the cell's month; a month after the horizon has no row in account_mrr (section 0)
            cell as (
                select (cast(:cohort as date) + make_interval(months => :age))::date as month
            )
            select a.external_id,
                   a.name,
                   coalesce(am.mrr, 0)            as mrr,
                   coalesce(am.mrr, 0) > 0        as active,
                   ca.segment,
                   o.currency,
                   c.month > b.horizon            as in_future
            from cohort_accounts ca
            join accounts a on a.id = ca.account_id
            cross join cell c
            cross join bounds b
            cross join org o
            left join account_mrr am on am.account_id = ca.account_id and am.month = c.month
            order by active desc, mrr desc, a.name, a.external_id
            """;

    private static final String CURRENCY_AND_HORIZON = """
            select s.currency,
                   (cast(:cohort as date) + make_interval(months => :age))::date > h.month as in_future
            from settings s
            cross join reporting_horizon h
            """;

    private final JdbcClient jdbc;

    public CohortAccountsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param cohort the cohort month
     * @param age    months since the cohort month, 0 or more
     * @param team   team filter, null for all
     * @param segment segment filter, null for all
     */
    public CohortAccounts fetch(YearMonth cohort, int age, String team, String segment) {
        if (age < 0) {
            throw new IllegalArgumentException("`age` must be 0 or more, not " + age);
        }
        LocalDate month = cohort.atDay(1);
        MetricFilter filter = new MetricFilter(month, cohort.plusMonths(age).atEndOfMonth(), team, segment);
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .param("cohort", month, Types.DATE)
                .param("age", age)
                .query((rs, row) -> new Row(rs.getString("currency"), rs.getBoolean("in_future"), new CohortAccount(
                        rs.getString("external_id"),
                        rs.getString("name"),
                        rs.getBoolean("in_future") ? null : rs.getBigDecimal("mrr"),
                        rs.getBoolean("active"),
                        rs.getString("segment"))))
                .list();
        if (rows.isEmpty()) {
            Header header = jdbc.sql(CURRENCY_AND_HORIZON)
                    .param("cohort", month, Types.DATE)
                    .param("age", age)
                    .query((rs, row) -> new Header(rs.getString("currency"), rs.getBoolean("in_future")))
                    .single();
            return new CohortAccounts(cohort, age, header.currency(), header.inFuture(), List.of());
        }
        return new CohortAccounts(cohort, age, rows.get(0).currency(), rows.get(0).inFuture(),
                rows.stream().map(Row::account).toList());
    }

    private record Row(String currency, boolean inFuture, CohortAccount account) {
    }

    private record Header(String currency, boolean inFuture) {
    }
}
