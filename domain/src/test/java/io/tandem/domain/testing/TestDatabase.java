package io.tandem.domain.testing;

import io.tandem.domain.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real PostgreSQL per test JVM, in a throw-away directory, migrated by the same Flyway scripts
 * the app runs. Tests that write rows clean up with {@link #truncateAll(DataSource)}.
 */
public final class TestDatabase {

    private static EmbeddedPostgresServer server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("tandem-test-pg");
                server = EmbeddedPostgresServer.start(dir, true);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                Flyway.configure().dataSource(server.dataSource()).locations("classpath:db/migration").load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public static DataSource dataSource() {
        return server().dataSource();
    }

    /** Empties every data table and resets the settings row to its defaults. */
    public static void truncateAll(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("truncate ratings, deals, tickets, revenue, customers, accounts, api_tokens, app_users, reps, import_run_errors, import_runs,"
                + " audit_log"
                + " restart identity cascade");
        jdbc.execute("delete from settings");
        jdbc.execute("insert into settings (id) values (1)");
    }
}
