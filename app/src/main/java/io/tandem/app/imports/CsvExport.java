package io.tandem.app.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every kind back out as the canonical CSV the importer reads (a round trip changes nothing),
 * streamed with COPY in the order of its key, in the columns {@link ImportKind} describes. Text cells go
 * through csv_safe() against formula injection.
 */
@Component
class CsvExport {

    /** The main table's alias in the generated queries; a reference's join is aliased by its column name. */
    private static final String ROW = "x";

    private final DataSource dataSource;

    CsvExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The export query of a kind, from its columns: references go back to the external id they
     * were named by, times to UTC ISO-8601, booleans to true/false, in the order of the kind's key.
     */
    static String query(ImportKind kind) {
        List<String> selected = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        for (Column c : kind.columns()) {
            selected.add(exported(c) + " as " + c.name());
            if (c.type() == ColumnType.REF) {
                joins.add((c.required() ? "join " : "left join ") + c.refKind() + " " + c.name() + " on " + c.name()
                        + ".id = " + ROW + "." + c.target());
            }
        }
        List<String> order = kind.key().stream().map(kind::column).map(Optional::orElseThrow)
                .map(c -> c.type() == ColumnType.REF ? c.name() + ".external_id" : ROW + "." + c.target())
                .toList();
        return "select " + String.join(", ", selected) + "\nfrom " + kind.table() + " " + ROW + "\n"
                + joins.stream().map(j -> j + "\n").collect(Collectors.joining()) + "order by " + String.join(", ", order);
    }

    private static String exported(Column c) {
        String value = ROW + "." + c.target();
        return switch (c.type()) {
            case TEXT, EMAIL -> "csv_safe(" + value + ")";
            case REF -> "csv_safe(" + c.name() + ".external_id)";
            case TIMESTAMP -> "to_char(" + value + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
            case BOOLEAN -> "case when " + value + " then 'true' else 'false' end";
            case MONTH -> "to_char(" + value + ", 'YYYY-MM')";
            default -> value;
        };
    }

    /** Sends one kind as a CSV download; an unknown kind is a bad parameter. */
    void send(String kindCode, HttpServletResponse response) throws IOException {
        ImportKind kind = ImportKind.fromCode(kindCode).orElseThrow(() -> new IllegalArgumentException(
                "Parameter 'kind' must be one of reps, accounts, customers, revenue, tickets, ratings, deals, not '"
                        + kindCode + "'."));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind.code() + ".csv\"");
        write(kind, response.getOutputStream());
    }

    /**
     * Streams the export. If the client goes away midway, the rest of the COPY is read and dropped:
     * cancelling it instead would send PostgreSQL a cancel request that can hit the next statement
     * run on this pooled connection.
     */
    @Transactional(readOnly = true)
    public void write(ImportKind kind, OutputStream out) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement lift = connection.createStatement()) {
                // a whole table may take longer than a dashboard statement may (LongStatements)
                lift.execute("set local statement_timeout = 0");
            }
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (" + query(kind) + ") to stdout (format csv, header)");
            boolean clientGone = false;
            byte[] chunk;
            while ((chunk = copy.readFromCopy()) != null) {
                if (!clientGone) {
                    try {
                        out.write(chunk);
                    } catch (IOException e) {
                        clientGone = true;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export " + kind.code() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
