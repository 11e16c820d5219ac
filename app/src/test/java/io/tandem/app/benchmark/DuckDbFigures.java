package io.tandem.app.benchmark;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The benchmark's outside comparison (issue 9): an in-process DuckDB computing a dashboard's main
 * figure straight from the import CSV files with {@code read_csv}, every call reading the files again
 * (what an analyst with DuckDB and the exports would do). Each figure is one SQL: {@link #BASE}, the
 * CSVs as tables and MRR by account and month by the rules of metrics.md section 0 (the same as the
 * {@code account_month_mrr} view), then a final select. Time zone UTC, the organisation's default.
 */
final class DuckDbFigures implements AutoCloseable {

    /** The tables; {@code {dir}}, {@code {from}} and {@code {to}} are replaced before a run. */
    private static final String BASE = """
            with acc as (
                select external_id,
                       cast(signed_up_at as timestamptz)            as signed_up_at,
                       cast(nullif(churned_at, '') as timestamptz)  as churned_at,
                       cast(nullif(seats, '') as integer)           as seats,
                       cast(nullif(mrr, '') as decimal(18, 2))      as mrr
                from read_csv('{dir}/accounts.csv', header = true, all_varchar = true)
            ),
            rev as (
                select account, cast(month || '-01' as date) as month, cast(mrr as decimal(18, 2)) as mrr
                from read_csv('{dir}/revenue.csv', header = true, all_varchar = true)
            ),
            cu as (
                select external_id, account, cast(nullif(created_at, '') as timestamptz) as created_at
                from read_csv('{dir}/customers.csv', header = true, all_varchar = true)
            ),
            tk as (
                select external_id, customer, rep,
                       cast(opened_at as timestamptz)                     as opened_at,
                       cast(nullif(first_response_at, '') as timestamptz) as first_response_at,
                       cast(nullif(closed_at, '') as timestamptz)         as closed_at
                from read_csv('{dir}/tickets.csv', header = true, all_varchar = true)
            ),
            rt as (
                select ticket, cast(nullif(rated_at, '') as timestamptz) as rated_at
                from read_csv('{dir}/ratings.csv', header = true, all_varchar = true)
            ),
            dl as (
                select stage, source, ticket, cast(amount as decimal(18, 2)) as amount,
                       cast(nullif(created_at, '') as timestamptz) as created_at,
                       cast(nullif(closed_at, '') as timestamptz)  as closed_at
                from read_csv('{dir}/deals.csv', header = true, all_varchar = true)
            ),
            horizon as (select coalesce(max(month), cast(date_trunc('month', current_date) as date)) as month from rev),
            bounds as (
                select cast(date_trunc('month', date '{from}') as date)                   as first_month,
                       least(cast(date_trunc('month', date '{to}') as date), h.month)     as last_month,
                       timestamptz '{from} 00:00:00+00'                                   as starts,
                       timestamptz '{to} 00:00:00+00' + interval 1 day                    as ends
                from horizon h
            ),
            first_rows as (select account, min(month) as first_month from rev group by account),
            history as (
                select g.account, g.month, coalesce(r.mrr, 0) as mrr
                from (select f.account,
                             cast(unnest(generate_series(f.first_month, h.month, interval 1 month)) as date) as month
                      from first_rows f, horizon h) g
                left join rev r on r.account = g.account and r.month = g.month
            ),
            flat as (
                select a.external_id as account,
                       cast(unnest(generate_series(cast(date_trunc('month', a.signed_up_at) as date),
                            least(cast(h.month as timestamp),
                                  coalesce(cast(date_trunc('month', a.churned_at) as date) - interval 1 month,
                                           cast(h.month as timestamp))),
                            interval 1 month)) as date) as month,
                       a.mrr
                from acc a, horizon h
                where a.mrr > 0 and a.external_id not in (select account from first_rows)
            ),
            mrr as (select account, month, mrr from history union all select account, month, mrr from flat),
            cohort as (select account, min(month) as cohort from mrr where mrr > 0 group by account)
            """;

    static final String MRR_LAST_MONTH = "select sum(m.mrr) from mrr m, bounds b where m.month = b.last_month";
    static final String CHURNED_LAST_MONTH = """
            select count(*) from mrr p, bounds b
            where p.month = b.last_month - interval 1 month and p.mrr > 0
              and p.account not in (select m.account from mrr m, bounds b where m.month = b.last_month and m.mrr > 0)""";
    static final String COHORT_ACCOUNTS_IN_RANGE =
            "select count(*) from cohort c, bounds b where c.cohort between b.first_month and b.last_month";
    static final String FIRST_COHORT_SIZE = "select count(*) from cohort c, bounds b where c.cohort = b.first_month";
    static final String NRR_LAST_MONTH = """
            select sum(c.mrr) / sum(p.mrr)
            from mrr p
            join bounds b on p.month = b.last_month - interval 12 month
            left join mrr c on c.account = p.account and c.month = b.last_month
            where p.mrr > 0""";
    static final String ARPU_AT_AGE_0 = """
            select avg(m.mrr) from cohort c join mrr m on m.account = c.account and m.month = c.cohort, bounds b
            where c.cohort between b.first_month and b.last_month""";
    static final String ACTIVE_SMALL_LAST_MONTH = """
            select count(*) from mrr m join acc a on a.external_id = m.account, bounds b
            where m.month = b.last_month and m.mrr > 0 and a.seats <= 3""";
    static final String ARPA_LAST_MONTH =
            "select sum(m.mrr) / count(*) from mrr m, bounds b where m.month = b.last_month and m.mrr > 0";
    static final String MEDIAN_FRT_WEEK = """
            select median(epoch(first_response_at) - epoch(opened_at)) / 60 from tk
            where opened_at >= timestamptz '{week} 00:00:00+00' and opened_at < timestamptz '{week} 00:00:00+00' + interval 7 day
              and first_response_at is not null""";
    static final String TICKETS_WEEK = """
            select count(*) from tk
            where opened_at >= timestamptz '{week} 00:00:00+00' and opened_at < timestamptz '{week} 00:00:00+00' + interval 7 day""";
    static final String REP_CUSTOMERS_HELPED = """
            select count(distinct customer) from tk, bounds b
            where rep = '{rep}' and opened_at >= b.starts and opened_at < b.ends and first_response_at is not null""";
    static final String RATINGS_IN_RANGE = """
            select count(*) from rt join tk on tk.external_id = rt.ticket, bounds b
            where coalesce(rt.rated_at, tk.closed_at, tk.opened_at) >= b.starts
              and coalesce(rt.rated_at, tk.closed_at, tk.opened_at) < b.ends""";
    static final String CONTACTED_LAST_MONTH = """
            select count(distinct t.customer)
            from tk t
            join cu c on c.external_id = t.customer
            join mrr m on m.account = c.account and m.mrr > 0, bounds b
            where m.month = b.last_month and cast(date_trunc('month', t.opened_at) as date) = b.last_month
              and (c.created_at is null or c.created_at < cast(b.last_month + interval 1 month as timestamptz))""";
    static final String BOOKINGS = """
            select sum(amount) from dl, bounds b where stage = 'won' and closed_at >= b.starts and closed_at < b.ends""";
    static final String SUPPORT_SOURCED_DEALS = """
            select count(*) from dl, bounds b
            where (source = 'support' or coalesce(ticket, '') <> '')
              and coalesce(created_at, closed_at) >= b.starts and coalesce(created_at, closed_at) < b.ends""";

    private final Connection connection;
    private final String base;

    DuckDbFigures(Path dir, LocalDate from, LocalDate to) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("set TimeZone = 'UTC'");
        }
        base = BASE.replace("{dir}", dir.toAbsolutePath().toString().replace("'", "''"))
                .replace("{from}", from.toString()).replace("{to}", to.toString());
    }

    /** Runs one figure's final select after the base tables; {@code {week}} and {@code {rep}} already filled in. */
    BigDecimal figure(String select) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(base + select)) {
            rs.next();
            Object value = rs.getObject(1);
            return value == null ? null : new BigDecimal(value.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage() + "\n" + select, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
