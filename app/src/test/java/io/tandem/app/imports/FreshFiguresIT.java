package io.tandem.app.imports;

import static io.tandem.app.imports.ImportTesting.importGoodFiles;
import static io.tandem.app.imports.ImportTesting.postCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.Http;
import io.tandem.app.cache.CacheWarmer;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.db.LongStatements;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Metric results are cached, and an import (or any write) makes every cached figure give way at
 * once: no stale figure after an import completes.
 */
@EmptyTandemIT
class FreshFiguresIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MetricCache cache;
    @Autowired
    CacheWarmer warmer;

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Imports imports;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void empty() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
    }

    private String movements() {
        HttpResponse<String> r = Http.api(port, "GET", "/api/metrics/revenue/movements?from=2024-02-01&to=2024-02-29",
                null, null, TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aFigureChangesAsSoonAsTheImportThatChangesItCompletes() {
        importGoodFiles(port);
        // imports/good: February 2024 MRR is A1 30 + A2 360 = 390
        String before = movements();
        assertThat(before).contains("\"month\":\"2024-02\",\"mrr\":390.00");
        assertThat(movements()).isEqualTo(before);

        HttpResponse<String> imported = postCsv(port, "revenue", "", "account,month,mrr,currency\nA2,2024-02,400,USD\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        // A2 now 400: 30 + 400 = 430, on the very next request
        assertThat(movements()).contains("\"month\":\"2024-02\",\"mrr\":430.00");
    }

    @Test
    void anImportThatWroteRowsStartsTheWarmUpThatComputesTheDefaultViews() {
        assertThat(warmer.enabled()).as("tests turn the automatic warm-up off (config/application.properties)").isFalse();
        long changes = warmer.changes();
        importGoodFiles(port);
        assertThat(warmer.changes()).as("one change per file written").isEqualTo(changes + 7);
        warmer.warmNow("test");
        long computed = cache.computations();

        HttpResponse<String> support = Http.api(port, "GET", "/api/metrics/support/response-vs-volume", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);
        HttpResponse<String> happiness = Http.api(port, "GET", "/api/metrics/support/happiness", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);

        assertThat(support.statusCode()).isEqualTo(200);
        assertThat(happiness.statusCode()).isEqualTo(200);
        assertThat(cache.computations()).as("served from the warmed cache").isEqualTo(computed);

        // every rep's scorecard (the period and its six earlier ones) from the team figures the warm-up computed
        for (String rep : jdbc.sql("select external_id from reps order by external_id").query(String.class).list()) {
            HttpResponse<String> card = Http.api(port, "GET", "/api/metrics/reps/" + rep + "/scorecard", null, null,
                    TestUsers.ADMIN, TestUsers.PASSWORD);
            assertThat(card.statusCode()).as(rep).isEqualTo(200);
        }
        assertThat(cache.computations()).as("scorecards served from the warmed cache").isEqualTo(computed);
    }

    @Test
    void aDryRunOrARejectedImportLeavesCachedFiguresValid() {
        importGoodFiles(port);
        long version = cache.version();
        long changes = warmer.changes();
        assertThat(postCsv(port, "revenue", "dryRun=true", "account,month,mrr,currency\nA2,2024-02,400,USD\n").body())
                .contains("\"dryRun\":true", "\"updated\":1");
        assertThat(postCsv(port, "revenue", "", "account,month,mrr,currency\nA2,2024-02,lots,USD\n").body())
                .contains("\"rejected\":1");
        assertThat(cache.version()).isEqualTo(version);
        assertThat(warmer.changes()).isEqualTo(changes);
        assertThat(movements()).contains("\"mrr\":390.00");
    }

    @Test
    void aResultIsComputedOncePerDataVersion() {
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("test.once", "a", () -> computed.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get("test.once", "a", () -> computed.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get("test.once", "b", () -> computed.incrementAndGet())).isEqualTo(2);

        jdbc.sql("update settings set currency = currency").update();

        assertThat(cache.get("test.once", "a", () -> computed.incrementAndGet())).isEqualTo(3);
    }

    @Test
    void simultaneousRequestsWaitForOneComputation() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.get("test.slow", "x", () -> {
                    sleep(300);
                    return computed.incrementAndGet();
                })));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed.get()).isEqualTo(1);
    }

    @Test
    void aFailureIsNotCached() {
        AtomicInteger computed = new AtomicInteger();
        assertThatThrownBy(() -> cache.get("test.failing", "x", () -> {
            computed.incrementAndGet();
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(cache.get("test.failing", "x", () -> computed.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void pooledConnectionsAlwaysPlanForTheActualParameters() {
        assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }

    @Test
    void statementsTimeOutExceptInTransactionsThatLiftTheLimit() {
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
        String lifted = transaction.execute(status -> {
            LongStatements.allowInThisTransaction(jdbc);
            return jdbc.sql("show statement_timeout").query(String.class).single();
        });
        assertThat(lifted).isEqualTo("0");
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
    }

    @Test
    void anImportRunsWithoutTheStatementTimeoutOfDashboards() {
        importGoodFiles(port);
        String[] seenInsideTheImport = new String[1];
        Imports.Source source = new Imports.Source("revenue.csv", ImportKind.REVENUE, () -> {
            // the file is opened inside the import's transaction
            seenInsideTheImport[0] = jdbc.sql("show statement_timeout").query(String.class).single();
            return new ByteArrayInputStream("account,month,mrr,currency\nA2,2024-02,360,USD\n"
                    .getBytes(StandardCharsets.UTF_8));
        });

        imports.run(List.of(source), ImportMode.STRICT, false, TestUsers.ADMIN, ImportProgress.NONE);

        assertThat(seenInsideTheImport[0]).isEqualTo("0");
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
