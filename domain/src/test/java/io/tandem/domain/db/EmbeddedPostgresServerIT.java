package io.tandem.domain.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}
