package io.tandem.app.demo;

import io.tandem.app.imports.CanonicalColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the generator's rows into one canonical CSV file per kind (csv-formats.md, the columns
 * and value formats of the export): the internal id column is dropped and every internal
 * reference becomes the referenced row's external id (A00001, C000001, T0000001, R001).
 */
final class CanonicalCsvSink implements RowSink, AutoCloseable {

    /** The external id format of each referenced table, as the generator numbers its rows. */
    private static final Map<String, String> ID_FORMATS = Map.of(
            "accounts", "A%05d", "customers", "C%06d", "reps", "R%03d", "tickets", "T%07d");

    /** Internal reference column (owner_rep_id), the canonical column it becomes and the external id format. */
    private static final Map<String, String[]> REFERENCES = references();

    private final Map<String, Writer> writers = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    CanonicalCsvSink(Path dir) {
        try {
            Files.createDirectories(dir);
            for (var table : COLUMNS.entrySet()) {
                Writer out = Files.newBufferedWriter(dir.resolve(table.getKey() + ".csv"), StandardCharsets.UTF_8);
                writers.put(table.getKey(), out);
                counts.put(table.getKey(), 0L);
                out.write(String.join(",", header(table.getValue())));
                out.write('\n');
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical header of a table with these internal columns. */
    static List<String> header(List<String> columns) {
        List<String> header = new ArrayList<>();
        for (String column : columns) {
            if (!column.equals("id")) {
                header.add(REFERENCES.containsKey(column) ? REFERENCES.get(column)[0] : column);
            }
        }
        return header;
    }

    private static Map<String, String[]> references() {
        Map<String, String[]> references = new HashMap<>();
        CanonicalColumns.byKind().values().forEach(columns -> columns.stream()
                .filter(c -> c.references() != null)
                .forEach(c -> references.put(c.table(), new String[] {c.csv(), ID_FORMATS.get(c.references())})));
        return Map.copyOf(references);
    }

    @Override
    public void add(String table, Object[] row) {
        List<String> columns = COLUMNS.get(table);
        StringBuilder line = new StringBuilder(160);
        boolean first = true;
        for (int i = 0; i < row.length; i++) {
            String column = columns.get(i);
            if (!column.equals("id")) {
                line.append(first ? "" : ",").append(cell(column, row[i]));
                first = false;
            }
        }
        line.append('\n');
        try {
            writers.get(table).append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts.merge(table, 1L, Long::sum);
    }

    private static String cell(String column, Object value) {
        if (value == null) {
            return "";
        }
        String[] reference = REFERENCES.get(column);
        if (reference != null) {
            return reference[1].formatted(value);
        }
        if (value instanceof LocalDate month) {
            return month.toString().substring(0, 7);
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Rows written per table, in import order (reps, accounts, ...). */
    Map<String, Long> counts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    @Override
    public void close() {
        IOException failure = null;
        for (Writer out : writers.values()) {
            try {
                out.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }
}
