package io.tandem.app.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A metrics table as CSV (api.md: every table can be downloaded). Empty values (no data, a future
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
