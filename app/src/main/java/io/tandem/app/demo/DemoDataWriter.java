package io.tandem.app.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** Streams generated rows into PostgreSQL with COPY, then moves the id sequences past them. */
@Component
class DemoDataWriter {

    private final DataSource dataSource;

    DemoDataWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Must run inside a transaction: a failure leaves nothing behind. */
    void write(List<TableRows> tables) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (TableRows table : tables) {
                String sql = "copy " + table.table() + " (" + String.join(", ", table.columns()) + ") from stdin (format csv)";
                pg.getCopyAPI().copyIn(sql, new StringReader(toCsv(table)));
            }
            try (Statement statement = connection.createStatement()) {
                for (TableRows table : tables) {
                    if (table.columns().get(0).equals("id")) {
                        statement.execute("select setval(pg_get_serial_sequence('" + table.table() + "', 'id'),"
                                + " (select coalesce(max(id), 0) + 1 from " + table.table() + "), false)");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the demo data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String toCsv(TableRows table) {
        StringBuilder out = new StringBuilder(table.rows().size() * 80);
        for (Object[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = row[i];
                if (v instanceof String s) {
                    out.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v != null) {
                    out.append(v);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
