package io.tandem.app.imports;

import io.tandem.app.imports.ImportResult.RowError;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Imports CSV files kind by kind, inside the caller's transaction:
 * <ol>
 *   <li>the file is parsed as a stream (FastCSV) and each cell read by its column's type; every
 *       row, or the errors of a bad row, goes through COPY into a temporary staging table, so
 *       memory stays flat whatever the file size;</li>
 *   <li>checks across rows and against the database (duplicates, references) run as set-based SQL;</li>
 *   <li>valid rows are merged with one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE ... IS
 *       DISTINCT FROM}, which also tells inserted from updated; the rest are unchanged.</li>
 * </ol>
 * Table and column names in the SQL come from {@link ImportKind}, never from the file.
 */
@Component
class CsvImporter {

    static final int ERRORS_SHOWN = 1000;
    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);
    private static final int COPY_BUFFER = 1 << 16;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final long maxRows;
    private final int maxFieldBytes;

    CsvImporter(DataSource dataSource, JdbcClient jdbc,
                @Value("${tandem.import.max-rows:10000000}") long maxRows,
                @Value("${tandem.import.max-field-chars:65536}") int maxFieldChars) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.maxRows = maxRows;
        this.maxFieldBytes = maxFieldChars;
    }

    /** Creates the per-import temporary tables; call once per transaction before the first file. */
    void begin() {
        jdbc.sql("""
                create temp table if not exists import_errors (
                    line integer, col text, value text, message text
                ) on commit drop""").update();
        jdbc.sql("create index if not exists import_errors_line_idx on import_errors (line)").update();
        jdbc.sql("""
                create temp table if not exists import_rejected (
                    kind text, key text, file text, line integer
                ) on commit drop""").update();
        jdbc.sql("create index if not exists import_rejected_key_idx on import_rejected (kind, key)").update();
    }

    /** Stages, checks and merges one file. {@code kind} null: detected from the header. */
    ImportResult importFile(String fileName, ImportKind kind, InputStream content, String mode, boolean dryRun,
                            ColumnType.Context context, ImportProgress.Tracker tracker) {
        long started = System.nanoTime();
        tracker.file(fileName);
        CountingInputStream counted = new CountingInputStream(content);
        try (CsvRows records = new CsvRows(fileName, counted, maxFieldBytes)) {
            Header header = readHeader(fileName, kind, records);
            jdbc.sql("delete from import_errors").update();
            createStage(header);
            long rows = copyRows(fileName, header, records, context, counted, tracker);
            long staged = System.nanoTime();
            tracker.phase("checking");
            jdbc.sql("analyze import_stage").update();
            checkAcrossRows(header, fileName);
            long checked = System.nanoTime();
            tracker.phase("merging");
            long[] merged = merge(header);
            long mergedAt = System.nanoTime();
            ImportResult result = result(header, fileName, mode, dryRun, rows, merged, started);
            log.info("Imported {} ({} rows): staged in {} ms, checked in {} ms, merged in {} ms, reported in {} ms",
                    fileName, rows, (staged - started) / 1_000_000, (checked - staged) / 1_000_000,
                    (mergedAt - checked) / 1_000_000, (System.nanoTime() - mergedAt) / 1_000_000);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- reading ---------------------------------------------------------------------------

    /** The kind a file's header names, if it can be told; the file's problems are left to {@link #importFile}. */
    Optional<ImportKind> kindOf(String fileName, InputStream content) throws IOException {
        try (CsvRows records = new CsvRows(fileName, content, maxFieldBytes)) {
            CsvRows.Row first = records.next();
            return first == null ? Optional.empty()
                    : ImportKind.fromHeader(first.fields().stream().map(f -> f.replace("\uFEFF", "").strip()).toList());
        } catch (ImportFailure unreadable) {
            return Optional.empty();
        }
    }

    /** The file's columns, mapped to the kind's, and notices for columns it ignores. */
    private record Header(ImportKind kind, List<String> names, List<Column> byPosition, List<Column> present,
                          List<String> notices) {
    }

    private Header readHeader(String fileName, ImportKind requested, CsvRows records) {
        CsvRows.Row first = records.next();
        if (first == null) {
            throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " is empty: it has no header row.");
        }
        if (first.line() != 1 || first.unclosedQuote() || first.fields().stream().anyMatch(f -> f.indexOf('\0') >= 0)) {
            throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " line 1: the header "
                    + (first.unclosedQuote() ? "opens a quote that is never closed." : "is not the first line or holds a NUL character."));
        }
        List<String> names = new ArrayList<>(first.fields());
        names.set(0, names.get(0).replace("\uFEFF", ""));
        names.replaceAll(String::strip);
        ImportKind kind = requested != null ? requested : ImportKind.fromHeader(names).orElseThrow(() ->
                new ImportFailure(HttpStatus.BAD_REQUEST, fileName + ": cannot tell which kind of file this is from its"
                        + " header (" + String.join(", ", names) + "); choose the kind."));
        List<Column> byPosition = new ArrayList<>();
        Map<Column, String> seen = new LinkedHashMap<>();
        List<String> notices = new ArrayList<>();
        for (String name : names) {
            Optional<Column> column = kind.columns().stream().filter(c -> c.answersTo(name)).findFirst();
            if (column.isPresent() && seen.containsKey(column.get())) {
                throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " line 1: columns '" + seen.get(column.get())
                        + "' and '" + name + "' both mean " + column.get().name() + "; keep one.");
            }
            column.ifPresent(c -> seen.put(c, name));
            if (column.isEmpty()) {
                notices.add("Column '" + name + "' is not a " + kind.code() + " column and was ignored.");
            }
            byPosition.add(column.orElse(null));
        }
        List<String> missing = kind.columns().stream().filter(Column::required).filter(c -> !seen.containsKey(c))
                .map(Column::name).toList();
        if (!missing.isEmpty()) {
            throw new ImportFailure(HttpStatus.BAD_REQUEST, fileName + " line 1: the header lacks the required "
                    + kind.code() + " column(s) " + String.join(", ", missing) + " (found: " + String.join(", ", names)
                    + ").");
        }
        return new Header(kind, List.copyOf(names), byPosition, List.copyOf(seen.keySet()), notices);
    }

    private void createStage(Header header) {
        StringBuilder sql = new StringBuilder("drop table if exists import_stage;\ncreate temp table import_stage (line integer");
        for (Column c : header.kind().columns()) {
            sql.append(", ").append(c.staged()).append(' ').append(c.stagedType());
            if (c.type() == ColumnType.REF) {
                sql.append(", ").append(c.target()).append(" bigint");
            }
        }
        sql.append(", err_col text, err_value text, err_msg text) on commit drop");
        jdbc.sql(sql.toString()).update();
    }

    /** Streams every row (or its errors) into import_stage through COPY. */
    private long copyRows(String fileName, Header header, CsvRows records, ColumnType.Context context,
                          CountingInputStream counted, ImportProgress.Tracker tracker) {
        List<Column> columns = header.kind().columns();
        String copy = "copy import_stage (line, " + columns.stream().map(Column::staged).collect(Collectors.joining(", "))
                + ", err_col, err_value, err_msg) from stdin (format csv)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long rows = 0;
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                StringBuilder out = new StringBuilder(COPY_BUFFER * 2);
                CsvRows.Row record;
                while ((record = records.next()) != null) {
                    if (record.blank()) {
                        continue; // a blank line is no row
                    }
                    rows++;
                    if (rows > maxRows) {
                        throw new ImportFailure(HttpStatus.PAYLOAD_TOO_LARGE, fileName + " has more than " + maxRows
                                + " rows; split it into smaller files.");
                    }
                    stageRow(record, header, columns, context, out);
                    if (out.length() >= COPY_BUFFER) {
                        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                        in.writeToCopy(bytes, 0, bytes.length);
                        out.setLength(0);
                        tracker.read(rows, counted.count());
                    }
                }
                byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
                tracker.read(rows, counted.count());
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage " + fileName + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return rows;
    }

    /** One staged line: the read values, or one line per error (the row is then rejected). */
    private static void stageRow(CsvRows.Row record, Header header, List<Column> columns, ColumnType.Context context,
                                 StringBuilder out) {
        long line = record.line();
        Map<Column, String> values = new LinkedHashMap<>();
        List<String[]> errors = new ArrayList<>();
        int expected = header.byPosition().size();
        if (record.unclosedQuote()) {
            int last = record.size() - 1;
            Column column = last < expected ? header.byPosition().get(last) : null;
            errors.add(new String[] {column == null ? "" : column.name(), abbreviate(record.field(last)),
                    "opens a quote (\") that is never closed; the lines after it were read as rows of their own"});
        } else if (record.size() != expected) {
            errors.add(new String[] {"", abbreviate(String.join(",", record.fields())),
                    "has " + record.size() + " fields; the header has " + expected});
        } else {
            for (int i = 0; i < expected; i++) {
                Column column = header.byPosition().get(i);
                String raw = record.field(i);
                if (raw.indexOf('\0') >= 0) {
                    errors.add(new String[] {column == null ? header.names().get(i) : column.name(), abbreviate(raw),
                            "contains a NUL character (binary data?)"});
                    continue;
                }
                if (column == null) {
                    continue;
                }
                String cell = raw.strip();
                if (cell.isEmpty()) {
                    if (column.required()) {
                        errors.add(new String[] {column.name(), "", "is required but empty"});
                    }
                    continue;
                }
                try {
                    values.put(column, column.type().read(cell, column, context));
                } catch (ColumnType.Rejected e) {
                    errors.add(new String[] {column.name(), abbreviate(cell), e.getMessage()});
                }
            }
            checkOrder(values, header.kind(), errors);
        }
        if (errors.isEmpty()) {
            out.append(line);
            for (Column c : columns) {
                out.append(',');
                appendCsv(out, values.get(c));
            }
            out.append(",,,\n");
        } else {
            // a rejected row keeps its external_id, so that rows naming it later can say why they fail
            String externalId = rawExternalId(record, header);
            for (String[] error : errors) {
                out.append(line);
                for (Column c : columns) {
                    out.append(',');
                    if (c.name().equals("external_id")) {
                        appendCsv(out, externalId);
                    }
                }
                for (String part : error) {
                    out.append(',');
                    appendCsv(out, part);
                }
                out.append('\n');
            }
        }
    }

    private static String rawExternalId(CsvRows.Row record, Header header) {
        for (int i = 0; i < header.byPosition().size() && i < record.size(); i++) {
            Column c = header.byPosition().get(i);
            if (c != null && c.name().equals("external_id")) {
                String value = record.field(i).strip();
                return value.isEmpty() || value.length() > ColumnType.MAX_TEXT || value.indexOf('\0') >= 0 ? null : value;
            }
        }
        return null;
    }

    /** Times within one row that must be in order (csv-formats.md, checks that reject a row). */
    private static void checkOrder(Map<Column, String> values, ImportKind kind, List<String[]> errors) {
        for (String[] pair : orderedPairs(kind)) {
            String later = value(values, kind, pair[0]);
            String earlier = value(values, kind, pair[1]);
            if (later != null && earlier != null
                    && Instant.parse(later).isBefore(Instant.parse(earlier))) {
                errors.add(new String[] {pair[0], later, "is before " + pair[1] + " (" + earlier + ")"});
            }
        }
    }

    /** Pairs {later, earlier} of a kind's times, as its table's checks require. */
    private static String[][] orderedPairs(ImportKind kind) {
        return switch (kind) {
            case ACCOUNTS -> new String[][] {{"churned_at", "signed_up_at"}};
            case TICKETS -> new String[][] {{"first_response_at", "opened_at"}, {"closed_at", "opened_at"}};
            case DEALS -> new String[][] {{"closed_at", "created_at"}};
            default -> new String[0][];
        };
    }

    private static String value(Map<Column, String> values, ImportKind kind, String column) {
        return kind.column(column).map(values::get).orElse(null);
    }

    private static void appendCsv(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            if (ch != '\0') {
                out.append(ch);
            }
        }
        out.append('"');
    }

    private static String abbreviate(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    // --- checks across rows ----------------------------------------------------------------

    private void checkAcrossRows(Header header, String fileName) {
        ImportKind kind = header.kind();
        duplicateKeys(kind);
        for (Column c : kind.columns()) {
            if (c.type() == ColumnType.REF) {
                resolve(c);
            }
        }
        storedOrder(header);
        if (kind == ImportKind.REPS) {
            jdbc.sql("""
                    insert into import_errors (line, col, value, message)
                    select s.line, 'email', s.email, 'is already the email of rep ' || r.external_id
                    from import_stage s
                    join reps r on lower(r.email) = lower(s.email) and r.external_id <> s.external_id
                    where s.err_msg is null
                      and not exists (select 1 from import_stage o
                                      where o.external_id = r.external_id and o.err_msg is null
                                        and lower(coalesce(o.email, '')) <> lower(s.email))
                    union all
                    select line, 'email', email, 'is also the email on line ' || first_line
                    from (select line, email, min(line) over (partition by lower(email)) as first_line
                          from import_stage where err_msg is null and email is not null) d
                    where line > first_line
                    """).update();
        }
        if (kind.key().equals(List.of("external_id"))) {
            jdbc.sql("""
                    insert into import_rejected (kind, key, file, line)
                    select distinct on (s.external_id) :kind, s.external_id, :file, s.line
                    from import_stage s
                    where s.external_id is not null
                      and (s.err_msg is not null or exists (select 1 from import_errors e where e.line = s.line))
                      and not exists (select 1 from import_stage ok
                                      where ok.external_id = s.external_id and ok.err_msg is null
                                        and not exists (select 1 from import_errors e where e.line = ok.line))
                    order by s.external_id, s.line
                    """).param("kind", kind.code()).param("file", fileName).update();
        }
    }

    /**
     * An update that gives one time of an ordered pair and leaves the other as stored (its column
     * is not in the file) must still keep the order, or the row would break the table's check.
     */
    private void storedOrder(Header header) {
        ImportKind kind = header.kind();
        for (String[] pair : orderedPairs(kind)) {
            boolean laterGiven = header.present().contains(kind.column(pair[0]).orElseThrow());
            boolean earlierGiven = header.present().contains(kind.column(pair[1]).orElseThrow());
            if (laterGiven == earlierGiven) {
                continue;
            }
            String given = laterGiven ? pair[0] : pair[1];
            String stored = laterGiven ? pair[1] : pair[0];
            jdbc.sql("""
                    insert into import_errors (line, col, value, message)
                    select s.line, '%1$s', %3$s,
                           'is %4$s ' || '%2$s' || ' as stored in Tandem (' || %5$s || '); give both columns to change both'
                    from import_stage s
                    join %6$s t on t.external_id = s.external_id
                    where s.err_msg is null and s.%1$s %7$s t.%2$s
                    """.formatted(given, stored, utc("s." + given), laterGiven ? "before" : "after",
                    utc("t." + stored), kind.table(), laterGiven ? "<" : ">")).update();
        }
    }

    private static String utc(String instant) {
        return "to_char(" + instant + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }

    /** A key that appears twice in one file rejects the later rows, naming the first. */
    private void duplicateKeys(ImportKind kind) {
        List<String> key = kind.key().stream()
                .map(name -> kind.column(name).orElseThrow().staged())
                .toList();
        String keyList = String.join(", ", key);
        String what = kind == ImportKind.RATINGS ? "a second rating for this ticket in the file"
                : "appears twice in the file";
        jdbc.sql("""
                insert into import_errors (line, col, value, message)
                select line, :column, concat_ws(' / ', %1$s), :what || '; first on line ' || first_line
                from (select line, %1$s, min(line) over (partition by %1$s) as first_line
                      from import_stage where err_msg is null) d
                where line > first_line
                """.formatted(keyList))
                .param("column", kind.key().get(kind.key().size() - 1).equals("month") ? "month" : kind.key().get(0))
                .param("what", what)
                .update();
    }

    /** Finds the id a reference names; reps may also be named by email. */
    private void resolve(Column c) {
        String table = c.refKind();
        jdbc.sql("""
                update import_stage s set %1$s = t.id
                from %2$s t
                where t.external_id = s.%3$s and s.err_msg is null
                """.formatted(c.target(), table, c.staged())).update();
        if (table.equals("reps")) {
            jdbc.sql("""
                    update import_stage s set %1$s = t.id
                    from reps t
                    where s.%1$s is null and lower(t.email) = lower(s.%2$s) and s.err_msg is null
                    """.formatted(c.target(), c.staged())).update();
        }
        jdbc.sql("""
                insert into import_errors (line, col, value, message)
                select s.line, :column, s.%2$s,
                       coalesce('was rejected in ' || r.file || ' line ' || r.line,
                                'names no %3$s in Tandem or earlier in this import')
                from import_stage s
                left join lateral (select file, line from import_rejected
                                   where kind = :kind and key = s.%2$s order by line limit 1) r on true
                where s.err_msg is null and s.%2$s is not null and s.%1$s is null
                """.formatted(c.target(), c.staged(), singular(table)))
                .param("column", c.name()).param("kind", table)
                .update();
    }

    private static String singular(String table) {
        return table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    }

    // --- merge -----------------------------------------------------------------------------

    /** Inserts new and updates changed valid rows; returns {inserted, updated}. */
    private long[] merge(Header header) {
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

    private ImportResult result(Header header, String fileName, String mode, boolean dryRun, long rows, long[] merged,
                                long started) {
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
        boolean written = !dryRun && (rejected == 0 || mode.equals("lenient"));
        return new ImportResult(header.kind().code(), fileName, mode, dryRun, written, rows, merged[0], merged[1],
                rows - rejected - merged[0] - merged[1], rejected, errors, Math.max(0, totalErrors - errors.size()),
                header.notices(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Counts bytes read, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
