package io.tandem.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A metrics table as CSV (api.md: every table can be downloaded). A table of records takes its
 * columns from the record ({@link #of(String, Class, List)}), so the CSV says what the JSON says. Empty values (no data, a future
 * cohort cell) are empty cells, never 0. A text cell starting with {@code = + - @} (or a tab or carriage
 * return) gets a leading {@code '} so that a spreadsheet does not run it as a formula; numbers are
 * written as they are.
 */
public record CsvTable(String name, List<String> headers, List<List<Object>> rows) {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public CsvTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    public static CsvTable of(String name, String... headers) {
        return new CsvTable(name, Arrays.asList(headers), new ArrayList<>());
    }

    /**
     * A table with one row per record and one column per component, in the record's order and named
     * as in the JSON ({@code @JsonProperty} renames); a component that is itself a record becomes its
     * components, prefixed ({@code cohort.n} is {@code cohortN}).
     */
    public static <R extends Record> CsvTable of(String name, Class<R> type, List<? extends R> records) {
        List<Column> columns = columns(type, "", Function.identity());
        List<List<Object>> rows = new ArrayList<>();
        for (R record : records) {
            rows.add(columns.stream().map(c -> c.value().apply(record)).toList());
        }
        return new CsvTable(name, columns.stream().map(Column::name).toList(), rows);
    }

    private record Column(String name, Function<Object, Object> value) {
    }

    private static List<Column> columns(Class<?> type, String prefix, Function<Object, Object> path) {
        List<Column> columns = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
            String own = renamed != null ? renamed.value() : component.getName();
            String name = prefix.isEmpty() ? own : prefix + Character.toUpperCase(own.charAt(0)) + own.substring(1);
            Function<Object, Object> value = path.andThen(o -> o == null ? null : read(accessor, o));
            if (component.getType().isRecord()) {
                columns.addAll(columns(component.getType(), name, value));
            } else if (Iterable.class.isAssignableFrom(component.getType()) || component.getType().isArray()) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + own + " is a list, not a CSV cell");
            } else {
                columns.add(new Column(name, value));
            }
        }
        return columns;
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read " + accessor, e);
        }
    }

    /** Adds a row (null cells allowed); returns this table. */
    public CsvTable row(Object... cells) {
        List<List<Object>> all = new ArrayList<>(rows);
        all.add(Arrays.asList(cells));
        return new CsvTable(name, headers, all);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(headers));
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    /** The CSV as a download named {@code <name>.csv}. */
    public ResponseEntity<String> response() {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .body(text());
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One row as a CSV line with its CRLF (for {@link CsvStream}). */
    static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        line(out, cells);
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
