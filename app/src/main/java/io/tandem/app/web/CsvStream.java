package io.tandem.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV download written to the response row by row as a query reads them, for lists that grow with the
 * data (every ticket of a selection): memory stays flat with the number of rows, where a {@link CsvTable}
 * holds them all. Cells are written as {@link CsvTable} writes them. Check the parameters before
 * {@link #start}: once rows flow, the status is sent.
 */
public final class CsvStream {

    private final Writer out;

    private CsvStream(Writer out) {
        this.out = out;
    }

    /** Sets the headers of a download named {@code <name>.csv} and writes the header row. */
    public static CsvStream start(HttpServletResponse response, String name, String... headers) {
        response.setContentType(CsvTable.TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name + ".csv").build().toString());
        try {
            CsvStream csv = new CsvStream(new BufferedWriter(
                    new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
            csv.row((Object[]) headers);
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a row (null cells allowed).
     *
     * @throws UncheckedIOException when the client has gone away, which stops the query feeding it
     */
    public void row(Object... cells) {
        try {
            out.write(CsvTable.line(Arrays.asList(cells)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what is buffered; the container ends the response. */
    public void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
