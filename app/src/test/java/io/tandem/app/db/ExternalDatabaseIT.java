package io.tandem.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemApplication;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.security.crypto.password.PasswordEncoder;
import io.tandem.domain.db.EmbeddedPostgresServer;
import io.tandem.domain.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With spring.datasource.url set, Tandem starts no database of its own and loads no demo data. */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}")
class ExternalDatabaseIT {

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        // an already-running PostgreSQL stands in for the external server; it starts empty
        EmbeddedPostgresServer external = TestDatabase.server();
        TestDatabase.truncateAll(external.dataSource());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + external.port() + "/postgres");
        registry.add("spring.datasource.username", external::username);
        registry.add("spring.datasource.password", external::password);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void usesTheConfiguredDatabaseAndLeavesItEmpty() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from accounts").query(Long.class).single()).isZero();
    }

    @Test
    void firstStartCreatesTheAdminWithAPasswordFileOnlyTheOwnerCanRead() throws Exception {
        Path file = dataDirectory.path().resolve("initial-admin-password.txt");
        assertThat(Files.readString(file)).contains("user: admin", "password: ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(users.findByUsernameIgnoreCase("admin")).get()
                .satisfies(u -> assertThat(u.isMustChangePassword()).isTrue());
    }

    @Test
    void homeShowsTheEmptyStateWithAWayForward() {
        TestUsers.ensureAdmin(users, encoder);
        String body = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD).get("/").body();
        assertThat(body).contains("No data yet", "Import your CSV exports").doesNotContain("You are looking at demo data");
    }
}
