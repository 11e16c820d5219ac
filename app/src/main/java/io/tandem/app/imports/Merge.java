package io.tandem.app.imports;

import io.tandem.app.imports.ImportResult.RowError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The last step of an import: valid rows are merged with one generated {@code INSERT ... ON CONFLICT
 * DO UPDATE ... WHERE ... IS DISTINCT FROM}, which also tells inserted from updated; the rest are
 * unchanged. Table and column names come from {@link ImportKind}, never from the file.
 */
@Component
class Merge {

    static final int ERRORS_SHOWN = 1000;

    private final JdbcClient jdbc;

    Merge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts new and updates changed valid rows; returns {inserted, updated}. */
    long[] merge(Staging.Header header) {
        ImportKind kind = header.kind();
        Map<String, String> targets = new LinkedHashMap<>();
        for (Column c : header.present()) {
            String source = c.type() == ColumnType.REF ? "s." + c.target() : "s." + c.staged();
            targets.put(c.target(), c.whenEmpty() == null ? source : "coalesce(" + source + ", " + c.whenEmpty() + ")");
        }
        if (kind == ImportKind.TICKETS && !targets.containsKey("account_id")) {
            // a tickets file without an account column: each ticket belongs to its customer's account
            // (an empty account cell, by contrast, means no account, e.g. a pre-sale conversation)
            targets.put("account_id", "(select c.account_id from customers c where c.id = s.customer_id)");
        }
        List<String> keyTargets = kind.key().stream().map(k -> kind.column(k).orElseThrow().target()).toList();
        List<String> updated = targets.keySet().stream().filter(t -> !keyTargets.contains(t)).toList();
        String table = kind.table();
        String sql = """
                with merged as (
                    insert into %1$s as t (%2$s)
                    select %3$s
                    from import_stage s
                    where s.err_msg is null and not exists (select 1 from import_errors e where e.line = s.line)
                    order by s.line
                    on conflict (%4$s) do %5$s
                    returning (xmax = 0) as inserted
                )
                select count(*) filter (where inserted) as inserted,
                       count(*) filter (where not inserted) as updated
                from merged
                """.formatted(table, String.join(", ", targets.keySet()), String.join(", ", targets.values()),
                String.join(", ", keyTargets), updated.isEmpty() ? "nothing" : "update set "
                        + updated.stream().map(t -> t + " = excluded." + t).collect(Collectors.joining(", "))
                        + " where (" + updated.stream().map(t -> compared("t." + t, t)).collect(Collectors.joining(", "))
                        + ") is distinct from ("
                        + updated.stream().map(t -> compared("excluded." + t, t)).collect(Collectors.joining(", ")) + ")");
        return jdbc.sql(sql).query((rs, i) -> new long[] {rs.getLong("inserted"), rs.getLong("updated")}).single();
    }

    /** Emails are compared ignoring case: a change of case alone leaves the row unchanged. */
    private static String compared(String expression, String column) {
        return column.equals("email") ? "lower(" + expression + ")" : expression;
    }

    /** What became of the file's rows, once merged. */
    ImportResult.FileReport report(Staging.Header header, String fileName, long rows, long[] merged, long started) {
        long rejected = jdbc.sql("""
                select count(distinct line) from (
                    select line from import_stage where err_msg is not null
                    union all
                    select line from import_errors) e
                """).query(Long.class).single();
        long totalErrors = jdbc.sql("""
                select (select count(*) from import_stage where err_msg is not null) + (select count(*) from import_errors)
                """).query(Long.class).single();
        List<RowError> errors = jdbc.sql("""
                select line, err_col as col, err_value as value, err_msg as message
                from import_stage where err_msg is not null
                union all
                select line, col, value, message from import_errors
                order by line, col
                limit :limit
                """).param("limit", ERRORS_SHOWN)
                .query((rs, i) -> new RowError(rs.getLong("line"), emptyToNull(rs.getString("col")),
                        rs.getString("value"), rs.getString("message")))
                .list();
        return new ImportResult.FileReport(header.kind().code(), fileName, rows, merged[0], merged[1],
                rows - rejected - merged[0] - merged[1], rejected, errors, Math.max(0, totalErrors - errors.size()),
                header.notices(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
