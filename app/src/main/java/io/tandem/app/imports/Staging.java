package io.tandem.app.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The first step of an import: reads the header, then streams the file (FastCSV, via {@link CsvRows})
 * and reads each cell by its column's type; every row, or the errors of a bad row, goes through COPY
 * into the temporary table import_stage, so memory stays flat whatever the file size.
 */
@Component
class Staging {

    private static final int COPY_BUFFER = 1 << 16;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final long maxRows;
    private final int maxFieldBytes;

    Staging(DataSource dataSource, JdbcClient jdbc,
            @Value("${tandem.import.max-rows:10000000}") long maxRows,
            @Value("${tandem.import.max-field-chars:65536}") int maxFieldChars) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.maxRows = maxRows;
        this.maxFieldBytes = maxFieldChars;
    }

    /** The file's rows, as {@link #readHeader} and {@link #copyRows} read them. */
    CsvRows open(String fileName, InputStream content) throws IOException {
        return new CsvRows(fileName, content, maxFieldBytes);
    }

    /** The kind a file's header names, if it can be told; the file's problems are left to {@link #readHeader}. */
    Optional<ImportKind> kindOf(String fileName, InputStream content) throws IOException {
        try (CsvRows records = open(fileName, content)) {
            CsvRows.Row first = records.next();
            return first == null ? Optional.empty()
                    : ImportKind.fromHeader(first.fields().stream().map(f -> f.replace("\uFEFF", "").strip()).toList());
        } catch (ImportFailure unreadable) {
            return Optional.empty();
        }
    }

    /** The file's columns, mapped to the kind's, and notices for columns it ignores. */
    record Header(ImportKind kind, List<String> names, List<Column> byPosition, List<Column> present,
                          List<String> notices) {
    }

    Header readHeader(String fileName, ImportKind requested, CsvRows records) {
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

    void createStage(Header header) {
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
    long copyRows(String fileName, Header header, CsvRows records, ColumnType.Context context,
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
        for (String[] pair : kind.orderedPairs()) {
            String later = value(values, kind, pair[0]);
            String earlier = value(values, kind, pair[1]);
            if (later != null && earlier != null
                    && Instant.parse(later).isBefore(Instant.parse(earlier))) {
                errors.add(new String[] {pair[0], later, "is before " + pair[1] + " (" + earlier + ")"});
            }
        }
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

    /** Counts bytes read, for the progress bar. */
    static final class CountingInputStream extends FilterInputStream {
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
