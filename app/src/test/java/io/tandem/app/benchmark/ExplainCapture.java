package io.tandem.app.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The {@code EXPLAIN (ANALYZE, BUFFERS)} plan of every statement an engine query sends, as it sends
 * it (same SQL, same bound values): one connection with PostgreSQL's auto_explain loaded and set to
 * report every plan to the client as a notice, which pgjdbc hands over as a warning on the statement.
 * Engine queries built on {@link #jdbc()} run on that connection.
 */
final class ExplainCapture implements AutoCloseable {

    private final Connection connection;
    private final List<String> plans = new ArrayList<>();
    private final JdbcClient jdbc;

    ExplainCapture(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        try (Statement s = connection.createStatement()) {
            // measuring, not serving: no statement timeout on this connection
            s.execute("set statement_timeout = 0");
            s.execute("load 'auto_explain'");
            s.execute("set auto_explain.log_min_duration = 0");
            s.execute("set auto_explain.log_analyze = on");
            s.execute("set auto_explain.log_buffers = on");
            s.execute("set auto_explain.log_timing = on");
            s.execute("set auto_explain.log_level = notice");
            s.execute("set client_min_messages = notice");
        }
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true)) {
            @Override
            protected void handleWarnings(Statement statement) throws SQLException {
                for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                    plans.add(w.getMessage());
                }
            }
        };
        jdbc = JdbcClient.create(template);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Runs the call and returns the plans of the statements it sent, in order. */
    List<String> plansOf(Runnable call) {
        plans.clear();
        call.run();
        return List.copyOf(plans);
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("reset all");
        }
        connection.close();
    }
}
