package io.tandem.domain.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, false)) {
            JdbcTemplate jdbc = new JdbcTemplate(first.dataSource());
            jdbc.execute("create table kept (v text)");
            jdbc.update("insert into kept values ('still here')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, false)) {
            String v = new JdbcTemplate(second.dataSource()).queryForObject("select v from kept", String.class);
            assertThat(v).isEqualTo("still here");
        }
    }

    @Test
    void durabilityIsSwitchedBackOn() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            JdbcTemplate jdbc = new JdbcTemplate(server.dataSource());
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("select split_part(version(), ' ', 2)", String.class)).startsWith("17.");
        }
    }

    @Test
    void aSecondStartOnTheSameDirectoryIsRefusedClearly() {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, false))
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining("Another Tandem is already running")
                    .hasMessageContaining(dataDir.toAbsolutePath().toString());
            // the first server is unharmed
            assertThat(new JdbcTemplate(first.dataSource()).queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aNewDataDirectoryGetsAPasswordFileOnlyItsOwnerCanRead() throws IOException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            Path file = dataDir.resolve("tandem-db-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file).strip()).isEqualTo(server.password()).hasSize(43);
        }
    }

    @Test
    void onlyTheRightPasswordGetsIn() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            // the server asks for SCRAM; with nothing to answer, the driver gives up
            assertThatThrownBy(() -> connect(server, null))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> connect(server, "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed for user \"postgres\"")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
            try (Connection connection = connect(server, server.password())) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void listensOnLoopbackOnlyAndLeavesNoSocketInTmp() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            JdbcTemplate jdbc = new JdbcTemplate(server.dataSource());
            assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("localhost");
            assertThat(jdbc.queryForObject("show unix_socket_directories", String.class)).isEmpty();
            assertThat(Path.of(System.getProperty("java.io.tmpdir"), ".s.PGSQL." + server.port())).doesNotExist();
            assertThat(Path.of("/tmp", ".s.PGSQL." + server.port())).doesNotExist();
        }
    }

    @Test
    void aDataDirectoryMadeWithTrustIsMovedToPasswordsAndKeepsItsData() throws Exception {
        // how Tandem initialised a data directory before: initdb -A trust, no password file
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start()) {
            JdbcTemplate jdbc = new JdbcTemplate(old.getPostgresDatabase());
            jdbc.execute("create table kept (v text)");
            jdbc.update("insert into kept values ('still here')");
        }
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).contains("trust");
        assertThat(dataDir.resolve("tandem-db-password")).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThatThrownBy(() -> connect(server, null)).isInstanceOf(SQLException.class);
            assertThat(new JdbcTemplate(server.dataSource()).queryForObject("select v from kept", String.class))
                    .isEqualTo("still here");
        }
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("tandem-db-password"))))
                .isEqualTo("rw-------");
        // and the next start is an ordinary one
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThat(new JdbcTemplate(again.dataSource()).queryForObject("select v from kept", String.class))
                    .isEqualTo("still here");
        }
    }

    @Test
    void aMoveCutShortIsFinishedOnTheNextStart() throws Exception {
        String password;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, false)) {
            password = first.password();
        }
        // as if the last start had written the password file, then died before pg_hba.conf
        Files.writeString(dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThat(server.password()).isEqualTo(password);
            assertThatThrownBy(() -> connect(server, null)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(server, password)) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aLostPasswordFileIsReplacedByANewPassword() throws Exception {
        String lost;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, false)) {
            lost = first.password();
        }
        Files.delete(dataDir.resolve("tandem-db-password"));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
            assertThat(server.password()).isNotEqualTo(lost);
            assertThatThrownBy(() -> connect(server, lost)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(server, server.password())) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    /** A plain JDBC connection to the server's port, as any local program could try. */
    private static Connection connect(EmbeddedPostgresServer server, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", properties);
    }
}
