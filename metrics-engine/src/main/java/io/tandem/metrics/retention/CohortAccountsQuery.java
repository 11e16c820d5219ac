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
            -- the cohort: accounts whose first month with MRR > 0 is :cohort (section 1); every such account
            -- has a row for that month, so the cohort is read through the month index, one row per account.
            -- The scope is a test per cohort account (exists), never a join led by scoped_accounts: under a
            -- team and a segment filter the planner expects one scoped account where there are thousands,
            -- and would read the whole month again for each of them (30 s at scale 1)
            cohort_accounts as materialized (
                select am.account_id,
                       (select sa.segment from scoped_accounts sa where sa.account_id = am.account_id) as segment
                from account_month_current am
                where am.month = cast(:cohort as date)
                  and am.cohort = cast(:cohort as date)
                  and exists (select 1 from scoped_accounts sa where sa.account_id = am.account_id)
            ),
            -- the cell's month; a month after the horizon has no row in account_mrr (section 0)
            cell as (
                select (cast(:cohort as date) + make_interval(months => :age))::date as month
            )
            select a.external_id,
                   a.name,
                   round(coalesce(am.mrr, 0), 2)                         as mrr,
                   coalesce(am.mrr, 0) > 0                               as active,
                   ca.segment,
                   o.currency,
                   c.month > b.horizon                                   as in_future,
                   count(*) over ()                                      as size,
                   count(*) filter (where coalesce(am.mrr, 0) > 0) over () as active_count
            from cohort_accounts ca
            join accounts a on a.id = ca.account_id
            cross join cell c
            cross join bounds b
            cross join org o
            -- looked up per cohort account by the (account, month) key, for the same reason (offset 0 keeps
            -- the planner from turning the lookup back into a join)
            left join lateral (select m.mrr
                               from account_month_current m
                               where m.account_id = ca.account_id
                                 and m.month = c.month
                               offset 0) am on true
            order by active desc, mrr desc, a.name, a.external_id
            limit :limit offset :offset
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
        return fetch(cohort, age, team, segment, Integer.MAX_VALUE, 0);
    }

    /**
     * One page of the cell's accounts, in the order of {@link #fetch(YearMonth, int, String, String)};
     * the cell's size and active count are over all its accounts.
     *
     * @param limit  accounts on the page, 1 or more
     * @param offset accounts skipped before the page, 0 or more
     */
    public CohortAccounts fetch(YearMonth cohort, int age, String team, String segment, int limit, long offset) {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("`limit` must be 1 or more and `offset` 0 or more, not " + limit
                    + " and " + offset);
        }
        if (age < 0) {
            throw new IllegalArgumentException("`age` must be 0 or more, not " + age);
        }
        LocalDate month = cohort.atDay(1);
        MetricFilter filter = new MetricFilter(month, cohort.plusMonths(age).atEndOfMonth(), team, segment);
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .param("cohort", month, Types.DATE)
                .param("age", age)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new Row(rs.getString("currency"), rs.getBoolean("in_future"), rs.getLong("size"),
                        rs.getLong("active_count"), new CohortAccount(
                        rs.getString("external_id"),
                        rs.getString("name"),
                        rs.getBoolean("in_future") ? null : rs.getBigDecimal("mrr"),
                        rs.getBoolean("active"),
                        rs.getString("segment"))))
                .list();
        if (rows.isEmpty() && offset > 0) {
            // past the last page: the cell's totals from its first row
            CohortAccounts first = fetch(cohort, age, team, segment, 1, 0);
            return new CohortAccounts(cohort, age, first.currency(), first.inFuture(), first.size(), first.active(),
                    offset, List.of());
        }
        if (rows.isEmpty()) {
            Header header = jdbc.sql(CURRENCY_AND_HORIZON)
                    .param("cohort", month, Types.DATE)
                    .param("age", age)
                    .query((rs, row) -> new Header(rs.getString("currency"), rs.getBoolean("in_future")))
                    .single();
            return new CohortAccounts(cohort, age, header.currency(), header.inFuture(), 0, 0, offset, List.of());
        }
        Row first = rows.get(0);
        return new CohortAccounts(cohort, age, first.currency(), first.inFuture(), first.size(), first.active(), offset,
                rows.stream().map(Row::account).toList());
    }

    private record Row(String currency, boolean inFuture, long size, long active, CohortAccount account) {
    }

    private record Header(String currency, boolean inFuture) {
    }
}
