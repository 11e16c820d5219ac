package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * No request can take the server down (issue 14): four parallel requests of a REP for all of time
 * ({@code from=0001-01-01&to=9999-12-31}, 100 MB of JSON each) once exhausted a 1 GB heap. Here the worst
 * case gets a 400 naming the parameter and the limit, the largest allowed range (120 months, ending with the
 * last full month before the test day 2026-11-24) is served by every heavy endpoint with a small body or a
 * streamed CSV, and {@code /actuator/health} keeps answering UP while eight of them run at once and after.
 *
 * <p>Heap: the failsafe JVM's default, as app/pom.xml and the parent set no {@code -Xmx} for it: a quarter
 * of physical memory (6 GB on a 24 GB machine), more than the 1 GB. So the test does not rely on
 * running out: it checks what bounds memory at any heap, that every JSON answer stays under
 * {@value #MAX_JSON_BYTES} bytes and that whole-selection CSVs are streamed (no Content-Length: the body was
 * not built in memory first). Demo data (2,000 accounts) as of 2026-11-24.
 */
@TandemIT
class RequestCostIT {

    private static final String ALL_OF_TIME = "from=0001-01-01&to=9999-12-31";
    /** 120 calendar months: December 2016 to November 2026 would be 120 too, this ends at the last full month. */
    private static final String LARGEST = "from=2016-11-01&to=2026-10-31";
    private static final int MAX_JSON_BYTES = 2_000_000;

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    /** One request: who asks, what, and the status it must get. */
    record Call(String user, String path, String accept, int status) {
    }

    /** What came back: status, Content-Type, Content-Length if sent, body size and (for JSON) the body. */
    record Answer(Call call, int status, String contentType, Long contentLength, long bytes, String body) {
    }

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
    }

    @Test
    void allOfTimeIsRefusedNamingTheParameterAndTheLimit() {
        Answer answer = send(new Call(TestUsers.REP, "/api/metrics/support/response-vs-volume?" + ALL_OF_TIME,
                "application/json", 400));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        // 0001-01 to 9999-12 inclusive: 9,999 years of 12 months
        assertThat(detail(answer)).isEqualTo("Parameter 'from': the range 0001-01-01 to 9999-12-31 spans 119,988"
                + " months; at most 120 are allowed (tandem.api.max-range-months).");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // 121 calendar months, one more than allowed
            "/api/metrics/support/response-vs-volume?from=2016-11-01&to=2026-11-30 | from | at most 120",
            "/api/metrics/support/response-vs-volume.csv?" + ALL_OF_TIME + " | from | at most 120",
            "/api/metrics/retention/cohorts?" + ALL_OF_TIME + " | from | at most 120",
            "/api/metrics/support/tickets.csv?rep=R001&" + ALL_OF_TIME + " | from | at most 120",
            "/api/metrics/reps/R001/scorecard?" + ALL_OF_TIME + " | from | at most 120",
            "/api/metrics/revenue/movements?from=1899-12-01&to=1900-01-31 | from | years 1900 to 2999",
            "/api/metrics/revenue/movements?from=2999-12-01&to=3000-01-31 | to | years 1900 to 2999",
            "/api/metrics/reps/R001/scorecard?from=2999-12-01&to=3000-01-31 | to | years 1900 to 2999",
            "/api/metrics/retention/cohorts/accounts?cohort=0001-01&age=0 | cohort | years 1900 to 2999",
            "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=0&limit=1001 | limit | between 1 and 1000",
            "/api/metrics/support/tickets?rep=R001&limit=1001 | limit | between 1 and 1000"})
    void rangesAndPagesBeyondTheLimitsAreProblemsNamingTheParameter(String path, String parameter, String limit) {
        Answer answer = send(new Call(TestUsers.MANAGER, path, "application/json", 400));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(detail(answer)).contains("'" + parameter + "'").contains(limit);
    }

    @Test
    void aPageWithTooLongARangeShowsTheDefaultsAndSaysWhy() {
        Http.Session rep = Http.login(port, TestUsers.REP, TestUsers.PASSWORD);

        HttpResponse<String> page = rep.get("/support?" + ALL_OF_TIME);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("at most 120 are allowed (tandem.api.max-range-months)");
    }

    @Test
    void theTicketsCsvStreamsTheWholeSelection() {
        long total = json(send(new Call(TestUsers.MANAGER, "/api/metrics/support/tickets?rep=R001&limit=1&" + LARGEST,
                "application/json", 200))).get("total").asLong();

        Answer csv = send(new Call(TestUsers.MANAGER, "/api/metrics/support/tickets.csv?rep=R001&" + LARGEST,
                "text/csv", 200));

        assertThat(total).isGreaterThan(1000);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.contentLength()).as("streamed, not built in memory first").isNull();
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize((int) total + 1)
                .first().isEqualTo("externalId,openedAt,firstResponseMinutes,replies,tier,rep,customer");
    }

    @Test
    void theCohortCsvHoldsTheWholeCell() {
        long size = json(send(new Call(TestUsers.MANAGER, "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=0"
                + "&limit=1", "application/json", 200))).get("size").asLong();

        Answer csv = send(new Call(TestUsers.MANAGER, "/api/metrics/retention/cohorts/accounts.csv?cohort=2024-01&age=0",
                "text/csv", 200));

        assertThat(size).isPositive();
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize((int) size + 1).first().isEqualTo("externalId,name,mrr,active,segment");
    }

    @Test
    void healthStaysUpWhileWorstCaseRequestsRunInParallel() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(new Call(TestUsers.REP, "/api/metrics/support/response-vs-volume?" + ALL_OF_TIME,
                    "application/json", 400));
        }
        calls.add(new Call(TestUsers.REP, "/api/metrics/support/response-vs-volume.csv?" + ALL_OF_TIME, "text/csv", 400));
        for (String json : List.of("/api/metrics/support/response-vs-volume", "/api/metrics/support/response-vs-volume/reps",
                "/api/metrics/support/happiness", "/api/metrics/support/contact-rate", "/api/metrics/retention/cohorts",
                "/api/metrics/retention/churn", "/api/metrics/revenue/movements", "/api/metrics/revenue/retention",
                "/api/metrics/revenue/arpu-by-age", "/api/metrics/retention/leading-indicators", "/api/metrics/segments",
                "/api/metrics/growth", "/api/metrics/sales/quality", "/api/metrics/sales/support-sourced")) {
            calls.add(new Call(TestUsers.REP, json + "?" + LARGEST, "application/json", 200));
        }
        calls.add(new Call(TestUsers.REP, "/api/metrics/support/response-vs-volume.csv?" + LARGEST, "text/csv", 200));
        calls.add(new Call(TestUsers.REP, "/api/metrics/retention/cohorts.csv?" + LARGEST, "text/csv", 200));
        calls.add(new Call(TestUsers.MANAGER, "/api/metrics/reps/R001/scorecard?" + LARGEST, "application/json", 200));
        // every ticket of ten years, of every rep, and the whole tickets table
        calls.add(new Call(TestUsers.REP, "/api/metrics/support/tickets.csv?" + LARGEST, "text/csv", 200));
        calls.add(new Call(TestUsers.ADMIN, "/api/exports/tickets", "text/csv", 200));

        List<Future<Answer>> answers = new ArrayList<>();
        int healthChecks = 0;
        ExecutorService parallel = Executors.newFixedThreadPool(8);
        try {
            for (Call call : calls) {
                answers.add(parallel.submit(() -> send(call, false)));
            }
            do {
                assertHealthUp();
                healthChecks++;
            } while (!answers.stream().allMatch(Future::isDone));
        } finally {
            parallel.shutdown();
        }

        assertThat(healthChecks).isPositive();
        for (Future<Answer> future : answers) {
            Answer answer = future.get();
            assertThat(answer.status()).as(answer.call().path()).isEqualTo(answer.call().status());
            if (answer.status() == 400) {
                assertThat(detail(answer)).contains("'from'", "at most 120", "tandem.api.max-range-months");
            } else if (answer.contentType().startsWith("application/json")) {
                assertThat(answer.bytes()).as(answer.call().path()).isLessThan(MAX_JSON_BYTES);
            }
        }
        assertHealthUp();
    }

    private void assertHealthUp() {
        HttpResponse<String> health = Http.get(port, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private Answer send(Call call) {
        return send(call, true);
    }

    /**
     * Sends a call with HTTP Basic. The body is kept, except that of a 200 CSV when {@code keepCsv} is false:
     * that one is only counted, so that the test's own memory stays small.
     */
    private Answer send(Call call, boolean keepCsv) {
        HttpRequest request = HttpRequest.newBuilder(Http.uri(port, call.path()))
                .header("Accept", call.accept())
                .header("Authorization", Http.basic(call.user(), TestUsers.PASSWORD))
                .GET()
                .build();
        HttpResponse<InputStream> response = Http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            Long contentLength = response.headers().firstValue("Content-Length").map(Long::valueOf).orElse(null);
            try (InputStream body = response.body()) {
                if (keepCsv || response.statusCode() != 200 || !contentType.startsWith("text/csv")) {
                    byte[] bytes = body.readAllBytes();
                    return new Answer(call, response.statusCode(), contentType, contentLength, bytes.length,
                            new String(bytes, StandardCharsets.UTF_8));
                }
                return new Answer(call, response.statusCode(), contentType, contentLength,
                        body.transferTo(OutputStream.nullOutputStream()), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Answer answer) {
        return Http.json(answer.body());
    }

    private static String detail(Answer answer) {
        return json(answer).get("detail").asString();
    }
}
