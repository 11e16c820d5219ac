package io.tandem.app.web;

import io.tandem.app.TandemApplication;
import io.tandem.app.security.ApiTokens;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.retention.CohortRetentionQuery;
import io.tandem.metrics.retention.LogoChurnQuery;
import io.tandem.metrics.revenue.ArpuByAgeQuery;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import io.tandem.metrics.revenue.RevenueRetentionQuery;
import io.tandem.metrics.sales.SalesQualityQuery;
import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.Scorecards;
import io.tandem.metrics.segments.SegmentsQuery;
import io.tandem.metrics.support.ContactRateQuery;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard benchmark (issue 9; not a test: it asserts nothing and runs only with -Pbenchmark).
 * On a demo company of {@code benchmark.accounts} accounts it measures, in one run, every metrics
 * API endpoint's p50/p95 over repeated requests through HTTP (security, JSON) against running the
 * same engine query directly over JDBC, then {@code benchmark.users} simultaneous users for
 * {@code benchmark.seconds} seconds against the running app. Run it with
 * {@code ./mvnw -B -Pbenchmark verify -pl app -am -Dit.test=DashboardBenchmark -Dbenchmark.accounts=2000}.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-bench/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.accounts=${benchmark.accounts:2000}"})
class DashboardBenchmark {

    private record Endpoint(String path, Supplier<Object> direct) {
    }

    private record Result(String path, double p50, double p95, double directP50, double directP95) {
    }

    @LocalServerPort
    int port;
    @Value("${benchmark.accounts:2000}")
    int accounts;
    @Value("${benchmark.repeats:30}")
    int repeats;
    @Value("${benchmark.users:20}")
    int users;
    @Value("${benchmark.seconds:60}")
    int seconds;

    @Autowired MrrMovementsQuery movements;
    @Autowired LogoChurnQuery churn;
    @Autowired CohortRetentionQuery cohorts;
    @Autowired RevenueRetentionQuery revenueRetention;
    @Autowired ArpuByAgeQuery arpu;
    @Autowired SegmentsQuery segments;
    @Autowired GrowthQuery growth;
    @Autowired LeadingIndicatorsQuery indicators;
    @Autowired ResponseVsVolumeQuery response;
    @Autowired HappinessQuery happiness;
    @Autowired ContactRateQuery contactRate;
    @Autowired SalesQualityQuery sales;
    @Autowired Scorecards scorecards;
    @Autowired ApiTokens tokens;
    @Autowired AppUserRepository appUsers;

    /** Calls go with a personal API token: HTTP Basic would add a bcrypt check (~60 ms) to every call. */
    private String token;

    @Test
    void dashboardLatencyAndLoad() throws Exception {
        token = tokens.create(appUsers.findByUsernameIgnoreCase(TestUsers.MANAGER).orElseThrow().getId(), "benchmark");
        LocalDate to = LocalDate.now().withDayOfMonth(1).minusDays(1);
        LocalDate from = to.withDayOfMonth(1).minusMonths(11);
        MetricFilter filter = MetricFilter.of(from, to);
        String range = "?from=" + from + "&to=" + to;
        Period month = Period.lastFullMonth(LocalDate.now());
        List<Endpoint> endpoints = List.of(
                new Endpoint("/api/metrics/revenue/movements" + range, () -> movements.fetch(filter)),
                new Endpoint("/api/metrics/retention/churn" + range, () -> churn.fetch(filter)),
                new Endpoint("/api/metrics/retention/cohorts" + range, () -> cohorts.fetch(filter)),
                new Endpoint("/api/metrics/revenue/retention" + range, () -> revenueRetention.fetch(filter)),
                new Endpoint("/api/metrics/revenue/arpu-by-age" + range, () -> arpu.fetch(filter)),
                new Endpoint("/api/metrics/segments" + range, () -> segments.fetch(filter)),
                new Endpoint("/api/metrics/growth" + range, () -> growth.fetch(filter)),
                new Endpoint("/api/metrics/retention/leading-indicators" + range, () -> indicators.fetch(filter)),
                new Endpoint("/api/metrics/support/response-vs-volume" + range, () -> response.fetch(filter)),
                new Endpoint("/api/metrics/support/happiness" + range, () -> happiness.fetch(filter)),
                new Endpoint("/api/metrics/support/contact-rate" + range, () -> contactRate.fetch(filter)),
                new Endpoint("/api/metrics/sales/quality" + range, () -> sales.fetch(filter)),
                new Endpoint("/api/metrics/reps/R001/scorecard?from=" + month.from() + "&to=" + month.to(),
                        () -> scorecards.of("R001", month)));

        List<Result> results = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (int i = 0; i < 3; i++) {
                call(e.path());
                e.direct().get();
            }
            List<Double> http = new ArrayList<>();
            List<Double> direct = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                http.add(time(() -> call(e.path())));
                direct.add(time(e.direct()::get));
            }
            results.add(new Result(e.path().replaceFirst("\\?.*", ""), pct(http, 50), pct(http, 95), pct(direct, 50),
                    pct(direct, 95)));
        }

        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            int offset = u;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    Endpoint e = endpoints.get(i++ % endpoints.size());
                    long start = System.nanoTime();
                    int status = call(e.path());
                    latencies.add((System.nanoTime() - start) / 1e6);
                    requests.incrementAndGet();
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nDashboard benchmark: demo company of %,d accounts, %d requests per endpoint, %d cores%n",
                accounts, repeats, Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-46s %9s %9s %11s %11s %8s%n", "endpoint", "p50 ms", "p95 ms",
                "SQL p50 ms", "SQL p95 ms", "p50 x"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-46s %9.1f %9.1f %11.1f %11.1f %7.2fx%n", r.path(), r.p50(), r.p95(),
                    r.directP50(), r.directP95(), r.p50() / r.directP50()));
        }
        List<Double> all = new ArrayList<>(latencies);
        out.append(String.format(Locale.ROOT, "Load: %d users for %d s: %,d requests, %.1f requests/s, p95 %.1f ms,"
                        + " %d errors%n", users, seconds, requests.get(), requests.get() / (double) seconds,
                pct(all, 95), errors.get()));
        System.out.println(out);
        Files.writeString(Path.of("target", "dashboard-benchmark-" + accounts + ".txt"), out);
    }

    private int call(String path) {
        try {
            HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double pct(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
