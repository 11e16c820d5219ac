package io.tandem.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemApplication;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dashboards on a real hot standby ({@link StreamingReplication}): Tandem runs with
 * {@code spring.datasource.url} on the primary and {@code tandem.db.replica-url} on the standby, data comes
 * in through the import API on the primary, and every dashboard endpoint (JSON, CSV, drill-downs, a
 * scorecard) is read after it. The figures must be the primary's in every state of the replica: caught up
 * (served by the replica), replay paused after a further import (served by the primary, with the new
 * figures), caught up again (the replica again) and stopped (the primary). The steps run in order on one
 * pair of servers.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.demo.load=false"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class ReplicaIT {

    private static final List<String> KINDS = List.of("reps", "accounts", "customers", "revenue", "tickets", "ratings",
            "deals");
    private static final String RANGE = "from=2024-01-01&to=2024-06-30";
    /** Every dashboard read of the API over the imports/good company, cached ones and drill-downs. */
    private static final List<String> DASHBOARDS = List.of(
            "/api/metrics/revenue/movements?" + RANGE,
            "/api/metrics/retention/churn?" + RANGE,
            "/api/metrics/retention/cohorts",
            "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=1",
            "/api/metrics/revenue/retention?" + RANGE,
            "/api/metrics/revenue/arpu-by-age",
            "/api/metrics/segments?" + RANGE,
            "/api/metrics/growth?" + RANGE,
            "/api/metrics/growth/high-touch?" + RANGE,
            "/api/metrics/sales/quality?" + RANGE,
            "/api/metrics/sales/support-sourced?" + RANGE,
            "/api/metrics/retention/leading-indicators",
            "/api/metrics/support/response-vs-volume?" + RANGE,
            "/api/metrics/support/response-vs-volume/reps?" + RANGE,
            "/api/metrics/support/contact-rate?" + RANGE,
            "/api/metrics/support/happiness?" + RANGE,
            "/api/metrics/support/tickets?week=2024-W05&" + RANGE,
            "/api/metrics/reps/R1/scorecard?from=2024-02-01&to=2024-02-29",
            "/api/metrics/revenue/movements.csv?" + RANGE,
            "/api/metrics/retention/cohorts/accounts.csv?cohort=2024-01&age=1",
            "/api/metrics/support/tickets.csv?week=2024-W05&" + RANGE);
    private static final String MOVEMENTS = DASHBOARDS.get(0);

    private static StreamingReplication replication;
    /** The figures the primary served while the replica lagged (step 2), to compare the later steps with. */
    private static Map<String, String> fromPrimary;

    @DynamicPropertySource
    static void primaryAndReplica(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> replication.primaryUrl());
        registry.add("spring.datasource.username", () -> StreamingReplication.SUPERUSER);
        registry.add("spring.datasource.password", () -> StreamingReplication.SUPERUSER_PASSWORD);
        registry.add("tandem.db.replica-url", () -> replication.standbyUrl());
        registry.add("tandem.db.replica-username", () -> StreamingReplication.READER);
        registry.add("tandem.db.replica-password", () -> StreamingReplication.READER_PASSWORD);
    }

    @BeforeAll
    static void startPrimaryAndStandby() {
        replication = StreamingReplication.start();
    }

    /** The servers; the app (with its pools) is closed right after, being a dirtied context. */
    @AfterAll
    static void stopPrimaryAndStandby() {
        if (replication != null) {
            replication.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ReplicaReads replicas;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    @Order(1)
    void dashboardsReadFromTheReplicaOnceItHasReplayedTheImport() {
        TestUsers.ensureAdmin(users, encoder);
        for (String kind : KINDS) {
            importCsv(kind, resource("good/" + kind + ".csv"));
        }
        replication.awaitReplay();
        ReplicaReads.Counts before = replicas.counts();

        Map<String, String> figures = readAll();

        // imports/good: February 2024 MRR is A1 30 + A2 360 = 390
        assertThat(figures.get(MOVEMENTS)).contains("\"month\":\"2024-02\",\"mrr\":390.00");
        assertThat(figures.get("/api/metrics/support/tickets?week=2024-W05&" + RANGE)).contains("\"T1\"", "\"T2\"");
        ReplicaReads.Counts after = replicas.counts();
        assertThat(after.fromReplica()).as("computed on the replica").isGreaterThan(before.fromReplica());
        assertThat(after.fromPrimaryWhileLagging()).isEqualTo(before.fromPrimaryWhileLagging());
        assertThat(after.fromPrimaryWhileUnreachable()).isEqualTo(before.fromPrimaryWhileUnreachable());
        assertThat(replication.standbyJdbc()
                .sql("select count(*) from pg_stat_activity where usename = '" + StreamingReplication.READER + "'")
                .query(Long.class).single()).as("the tandem-replica pool's connections on the standby").isPositive();
    }

    @Test
    @Order(2)
    void aLaggingReplicaLeavesTheNewFiguresToThePrimary() {
        replication.pauseReplay();
        importCsv("revenue", "account,month,mrr,currency\nA2,2024-02,400,USD\n");
        assertThat(replicaVersion()).as("the standby has not replayed the import").isLessThan(primaryVersion());
        assertThat(replication.standbyJdbc().sql("""
                select r.mrr from revenue r join accounts a on a.id = r.account_id
                where a.external_id = 'A2' and r.month = date '2024-02-01'""").query(Integer.class).single())
                .isEqualTo(360);
        ReplicaReads.Counts before = replicas.counts();

        fromPrimary = readAll();

        // A2 now 400: 30 + 400 = 430, although the replica still holds 360
        assertThat(fromPrimary.get(MOVEMENTS)).contains("\"month\":\"2024-02\",\"mrr\":430.00");
        ReplicaReads.Counts after = replicas.counts();
        assertThat(after.fromReplica()).as("nothing computed on the lagging replica").isEqualTo(before.fromReplica());
        assertThat(after.fromPrimaryWhileLagging()).isGreaterThan(before.fromPrimaryWhileLagging());
        assertThat(after.fromPrimaryWhileUnreachable()).isEqualTo(before.fromPrimaryWhileUnreachable());
    }

    @Test
    @Order(3)
    void theReplicaServesTheSameFiguresOnceItHasCaughtUp() {
        replication.resumeReplay();
        touchDataVersion();
        replication.awaitReplay();
        assertThat(replicaVersion()).isEqualTo(primaryVersion());
        ReplicaReads.Counts before = replicas.counts();

        Map<String, String> figures = readAll();

        assertThat(figures).as("the replica's figures are the primary's").isEqualTo(fromPrimary);
        ReplicaReads.Counts after = replicas.counts();
        assertThat(after.fromReplica()).isGreaterThan(before.fromReplica());
        assertThat(after.fromPrimaryWhileLagging()).isEqualTo(before.fromPrimaryWhileLagging());
        assertThat(after.fromPrimaryWhileUnreachable()).isEqualTo(before.fromPrimaryWhileUnreachable());
    }

    @Test
    @Order(4)
    void aReplicaThatIsDownLeavesEveryFigureToThePrimaryUntilItIsBack() {
        replication.stopStandby();
        touchDataVersion();
        ReplicaReads.Counts before = replicas.counts();

        Map<String, String> figures = readAll();

        assertThat(figures).as("served, by the primary").isEqualTo(fromPrimary);
        ReplicaReads.Counts after = replicas.counts();
        assertThat(after.fromReplica()).isEqualTo(before.fromReplica());
        assertThat(after.fromPrimaryWhileLagging()).isEqualTo(before.fromPrimaryWhileLagging());
        assertThat(after.fromPrimaryWhileUnreachable()).isGreaterThan(before.fromPrimaryWhileUnreachable());

        replication.startStandbyServer();
        long deadline = System.nanoTime() + 30_000_000_000L;
        long served = after.fromReplica();
        while (replicas.counts().fromReplica() == served) {
            assertThat(System.nanoTime()).as("the replica serves again within 30 s").isLessThan(deadline);
            touchDataVersion();
            replication.awaitReplay();
            assertThat(read(MOVEMENTS)).isEqualTo(fromPrimary.get(MOVEMENTS));
            sleep(500);
        }
    }

    private Map<String, String> readAll() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : DASHBOARDS) {
            bodies.put(path, read(path));
        }
        return bodies;
    }

    private String read(String path) {
        String accept = path.contains(".csv") ? "text/csv" : "application/json";
        HttpResponse<String> response = Http.api(port, "GET", path, accept, null, null, TestUsers.ADMIN,
                TestUsers.PASSWORD);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private void importCsv(String kind, String csv) {
        HttpResponse<String> response = Http.api(port, "POST", "/api/imports/" + kind, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(kind + ": " + response.body()).isEqualTo(200);
    }

    /** A write that changes no figure but moves the data version on (as a settings save does). */
    private static void touchDataVersion() {
        replication.primaryJdbc().sql("update settings set currency = currency").update();
    }

    private static long primaryVersion() {
        return replication.primaryJdbc().sql("select version from data_version where id = 1").query(Long.class).single();
    }

    private static long replicaVersion() {
        return replication.standbyJdbc().sql("select version from data_version where id = 1").query(Long.class).single();
    }

    private static String resource(String path) {
        try (InputStream in = ReplicaIT.class.getResourceAsStream("/imports/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
