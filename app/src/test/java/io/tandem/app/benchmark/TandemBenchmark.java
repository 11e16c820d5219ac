package io.tandem.app.benchmark;

import io.tandem.app.TandemApplication;
import io.tandem.app.db.ReplicaReads;
import io.tandem.app.demo.ScaleData;
import io.tandem.app.imports.ImportBench;
import io.tandem.app.security.ApiTokens;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.ResultCache;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.retention.CohortAccountsQuery;
import io.tandem.metrics.retention.CohortRetentionQuery;
import io.tandem.metrics.retention.LogoChurnQuery;
import io.tandem.metrics.revenue.ArpuByAgeQuery;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import io.tandem.metrics.revenue.RevenueRetentionQuery;
import io.tandem.metrics.sales.SalesQualityQuery;
import io.tandem.metrics.sales.SupportSourcedQuery;
import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.RepOutcomesQuery;
import io.tandem.metrics.scorecard.Scorecards;
import io.tandem.metrics.segments.SegmentsQuery;
import io.tandem.metrics.support.ContactRateQuery;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import io.tandem.metrics.support.TicketsQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of issue 9 (not a test: it asserts nothing and runs only with -Pbenchmark, in a JVM
 * limited to 256 MB of heap). In one run on one machine it writes the scale-S company as import CSVs
 * (ScaleData), then measures and prints in one table, written to {@code app/target/benchmark-scale-S.txt}:
 * <ol>
 *   <li>import rows/s per kind: Tandem's importer against COPY into a bare text table (psql's {@code \copy}
 *       protocol) and naive JPA saves of a sample, and the heap peak during Tandem's imports;</li>
 *   <li>every GET /api/metrics endpoint: the first (cold) call, then p50/p95 of repeats through HTTP, against
 *       the engine's SQL called directly over JDBC and against DuckDB computing the endpoint's main figure
 *       from the CSV files (with a check that both give the same figure);</li>
 *   <li>{@code benchmark.users} simultaneous users for {@code benchmark.seconds} s (throughput, p95, errors).</li>
 * </ol>
 * With {@code -Dbenchmark.scales=0.1,1,5} it instead imports each scale in turn into an emptied database
 * and prints every endpoint's p50 per scale and the ratio largest/smallest (growth). docs/performance.md
 * has the commands and how to read the output.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-bench/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.load=false",
                // the generated data ends today: so do the default ranges
                "tandem.clock.today=",
                "tandem.import.max-file-mb=4000"})
class TandemBenchmark {

    private static final int WARMUPS = 3;

    @LocalServerPort int port;
    @Value("${benchmark.scale:1}") double scale;
    @Value("${benchmark.scales:}") String scales;
    @Value("${benchmark.seed:42}") long seed;
    @Value("${benchmark.repeats:15}") int repeats;
    @Value("${benchmark.endpoint-seconds:15}") int endpointSeconds;
    @Value("${benchmark.duckdb-repeats:2}") int duckRepeats;
    @Value("${benchmark.jpa-rows:200}") int jpaRows;
    @Value("${benchmark.users:20}") int users;
    @Value("${benchmark.seconds:60}") int seconds;
    @Value("${benchmark.timeout-seconds:60}") int timeoutSeconds;

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired ApiTokens tokens;
    @Autowired AppUserRepository appUsers;
    @Autowired MrrMovementsQuery movements;
    @Autowired LogoChurnQuery churn;
    @Autowired CohortRetentionQuery cohorts;
    @Autowired CohortAccountsQuery cohortAccounts;
    @Autowired RevenueRetentionQuery revenueRetention;
    @Autowired ArpuByAgeQuery arpu;
    @Autowired SegmentsQuery segments;
    @Autowired GrowthQuery growth;
    @Autowired LeadingIndicatorsQuery indicators;
    @Autowired ResponseVsVolumeQuery response;
    @Autowired TicketsQuery ticketsQuery;
    @Autowired HappinessQuery happiness;
    @Autowired ContactRateQuery contactRate;
    @Autowired SalesQualityQuery sales;
    @Autowired SupportSourcedQuery supportSourced;
    @Autowired RepOutcomesQuery outcomes;
    @Autowired ReplicaReads replicas;
    @Value("${tandem.cache.enabled:true}") boolean cacheEnabled;

    private BenchmarkApi api;
    /** The engine's scorecards without the app's result cache, so that the direct calls measure the SQL. */
    private Scorecards uncachedScorecards;

    /**
     * One GET endpoint: its path, the engine queries the app runs for it, the figure compared with
     * DuckDB and DuckDB's SQL for it (null: n/a, see docs/performance.md).
     */
    private record Endpoint(String name, String path, Supplier<?> direct, Function<Object, Object> figure,
                            String duckSql) {
    }

    @SuppressWarnings("unchecked")
    private static <T> Endpoint endpoint(String name, String path, Supplier<T> direct, Function<T, Object> figure,
                                         String duckSql) {
        return new Endpoint(name, path, direct, r -> figure.apply((T) r), duckSql);
    }

    @Test
    void benchmark() throws Exception {
        if (scales.isBlank()) {
            full();
        } else {
            growthAcrossScales();
        }
    }

    // --- the full run at one scale ----------------------------------------------------------------

    private void full() throws Exception {
        long started = System.nanoTime();
        Path dir = Path.of("target", "benchmark-data-" + label(scale)).toAbsolutePath();
        long writeStart = System.nanoTime();
        Map<String, Long> rows = ScaleData.write(scale, seed, today(), dir);
        double writeSeconds = seconds(writeStart);
        ImportBench bench = new ImportBench(context);

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nTandem benchmark, scale %s (seed %d), %d cores, max heap %,d MB, Java %s, %s%n"
                        + "Data: %s written in %.1f s to %s%n",
                label(scale), seed, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"),
                jdbc.sql("select version()").query(String.class).single().replaceFirst(" on .*", ""),
                rows, writeSeconds, dir));

        out.append(String.format(Locale.ROOT, "%nImport (rows/s; COPY = COPY FROM STDIN into a bare text table through"
                + " pgjdbc's CopyManager, the protocol of psql's \\copy; JPA = one save() and transaction per row,"
                + " first %,d rows of each file, run after everything else)%n", jpaRows));
        out.append(String.format(Locale.ROOT, "%-10s %10s %9s %12s %12s %8s %11s %13s %10s%n", "kind", "rows",
                "Tandem s", "Tandem r/s", "COPY r/s", "JPA rows", "JPA r/s", "Tandem/COPY", "Tandem/JPA"));
        Map<String, double[]> imported = new LinkedHashMap<>();
        resetHeapPeaks();
        double tandemTotal = 0;
        for (String kind : ImportBench.KINDS) {
            Path file = dir.resolve(kind + ".csv");
            long n = rows.get(kind);
            double copy = seconds(() -> bench.bareCopy(kind, file));
            double tandem = seconds(() -> bench.tandem(kind, file));
            tandemTotal += tandem;
            imported.put(kind, new double[] {n, tandem, copy});
        }
        long heapPeak = heapPeak();

        api = BenchmarkApi.manager(appUsers, tokens, port, timeoutSeconds);
        List<String> dashboard = new ArrayList<>();
        Endpoints endpoints = endpoints(dir);
        dashboard.add(String.format(Locale.ROOT, "%nDashboards, range %s..%s: cold = first call after the import; then"
                        + " %d warm-ups and up to %d repeats (fewer when an endpoint's repeats pass %d s), times in ms."
                        + " SQL = the engine's queries called directly over JDBC. DuckDB = in-process DuckDB reading the"
                        + " CSV files with read_csv on every call (%d repeats after a first call)%n",
                endpoints.from, endpoints.to, WARMUPS, repeats, endpointSeconds, duckRepeats));
        dashboard.add(String.format(Locale.ROOT, "%-38s %8s %8s %8s %8s %8s %6s %4s %8s %8s %8s %8s  %s%n", "endpoint",
                "cold", "p50", "p95", "SQL p50", "SQL p95", "x SQL", "n", "Duck 1st", "Duck p50", "Duck/p50", "Duck/SQL",
                "figure: Tandem / DuckDB"));
        for (Endpoint e : endpoints.list) {
            dashboard.add(measure(e, endpoints.duck));
            System.out.print("benchmark: " + dashboard.get(dashboard.size() - 1));
        }
        endpoints.duck.close();
        String load = load(endpoints.list);

        for (String kind : ImportBench.KINDS) {
            Path file = dir.resolve(kind + ".csv");
            long[] saved = new long[1];
            double jpa = seconds(() -> saved[0] = bench.jpa(kind, file, jpaRows));
            double[] t = imported.get(kind);
            double tandemRate = t[0] / t[1];
            double jpaRate = saved[0] / jpa;
            out.append(String.format(Locale.ROOT, "%-10s %,10d %9.2f %,12.0f %,12.0f %,8d %,11.0f %12.1fx %9.1fx%n",
                    kind, (long) t[0], t[1], tandemRate, t[0] / t[2], saved[0], jpaRate, t[1] / t[2],
                    tandemRate / jpaRate));
        }
        long allRows = rows.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format(Locale.ROOT, "%-10s %,10d %9.2f %,12.0f%n", "all", allRows, tandemTotal,
                allRows / tandemTotal));
        out.append(String.format(Locale.ROOT, "Heap peak during Tandem's imports: %,d MB of %,d MB (tickets file: %,d rows)%n",
                heapPeak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), rows.get("tickets")));
        dashboard.forEach(out::append);
        out.append(load);
        out.append(String.format(Locale.ROOT, "Whole run: %.0f s%n", seconds(started)));
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-scale-" + label(scale) + ".txt"), out);
    }

    private String measure(Endpoint e, DuckDbFigures duck) {
        int[] status = new int[1];
        double cold = time(() -> status[0] = call(e.path()));
        // an endpoint slower than a quarter of its time budget gets no warm-ups and one repeat: the run stays bounded
        boolean slow = cold > endpointSeconds * 250.0;
        Direct direct = new Direct(e);
        for (int i = 0; i < (slow ? 0 : WARMUPS); i++) {
            call(e.path());
        }
        direct.run(); // one warm-up: the cold call has already read the tables into PostgreSQL's cache
        direct.times.clear();
        List<Double> http = repeatCalls(e, slow ? 1 : 3, direct);
        double p50 = pct(http, 50);
        String name = e.name() + (status[0] == 200 ? "" : " (" + (status[0] < 0 ? "timeout" : "HTTP " + status[0]) + ")");
        String head = String.format(Locale.ROOT, "%-38s %8.1f %8.1f %8.1f %8.1f %8.1f %5.2fx %4d", name, cold, p50,
                pct(http, 95), pct(direct.times, 50), pct(direct.times, 95), p50 / pct(direct.times, 50), http.size());
        String failed = direct.failure == null ? "" : " (SQL failed: " + direct.failure + ")";
        if (e.duckSql() == null || direct.result == null) {
            return String.format(Locale.ROOT, "%s %8s %8s %8s %8s  n/a%s%n", head, "n/a", "n/a", "", "", failed);
        }
        BigDecimal[] duckValue = new BigDecimal[1];
        double first = time(() -> duckValue[0] = duck.figure(e.duckSql()));
        List<Double> duckTimes = new ArrayList<>();
        for (int i = 0; i < duckRepeats; i++) {
            duckTimes.add(time(() -> duck.figure(e.duckSql())));
        }
        double duckP50 = pct(duckTimes, 50);
        Object tandemValue = e.figure().apply(direct.result);
        return String.format(Locale.ROOT, "%s %8.1f %8.1f %7.1fx %7.1fx  %s / %s %s%s%n", head, first, duckP50,
                duckP50 / p50, duckP50 / pct(direct.times, 50), tandemValue, duckValue[0], same(tandemValue, duckValue[0]) ? "same" : "DIFFERENT", failed);
    }

    /** The engine's queries of an endpoint called directly: the times of the calls that succeeded, the last result. */
    private static final class Direct {
        final Endpoint endpoint;
        final List<Double> times = new ArrayList<>();
        Object result;
        String failure;

        Direct(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        void run() {
            long start = System.nanoTime();
            try {
                result = endpoint.direct().get();
                times.add((System.nanoTime() - start) / 1e6);
            } catch (RuntimeException ex) {
                failure = ex.getClass().getSimpleName() + " after " + Math.round((System.nanoTime() - start) / 1e6) + " ms";
            }
        }
    }

    /**
     * Times {@code repeats} HTTP calls, at least {@code minimum} but fewer once the endpoint has used
     * {@code endpointSeconds}; with {@code direct}, each call is followed by the engine's queries called directly.
     */
    private List<Double> repeatCalls(Endpoint e, int minimum, Direct direct) {
        List<Double> http = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(endpointSeconds);
        while (http.size() < repeats && (http.size() < minimum || System.nanoTime() < until)) {
            http.add(time(() -> call(e.path())));
            if (direct != null) {
                direct.run();
            }
        }
        return http;
    }

    /** Equal as numbers; a figure Tandem gives to 2 decimals (money) may differ from DuckDB's by its rounding. */
    private static boolean same(Object tandem, BigDecimal duck) {
        if (tandem == null || duck == null) {
            return tandem == duck;
        }
        BigDecimal t = new BigDecimal(tandem.toString());
        double tolerance = t.scale() <= 2 ? 0.0051 : 1e-9 * Math.max(1, t.abs().doubleValue());
        return t.subtract(duck).abs().doubleValue() <= tolerance;
    }

    private String load(List<Endpoint> endpoints) throws InterruptedException {
        ReplicaReads.Counts before = replicas.counts();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
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
        pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
        double elapsed = seconds(started);
        ReplicaReads.Counts after = replicas.counts();
        // with a read replica (tandem.db.replica-url): where the load's computations ran
        String replica = !replicas.configured() ? "" : String.format(Locale.ROOT, "Computations during the load"
                        + " (tandem.db.replica-url set): %,d on the replica, %,d on the primary while it lagged, %,d while"
                        + " it did not answer%n", after.fromReplica() - before.fromReplica(),
                after.fromPrimaryWhileLagging() - before.fromPrimaryWhileLagging(),
                after.fromPrimaryWhileUnreachable() - before.fromPrimaryWhileUnreachable());
        return String.format(Locale.ROOT, "%nLoad: %d users for %d s over all %d endpoints in turn (localhost, cache %s):"
                        + " %,d requests in %.0f s, %.1f requests/s, p50 %.1f ms, p95 %.1f ms, %d errors (not 200, or no"
                        + " answer within %d s)%n%s", users, seconds, endpoints.size(), cacheEnabled ? "on" : "off",
                requests.get(), elapsed, requests.get() / elapsed, pct(new ArrayList<>(latencies), 50),
                pct(new ArrayList<>(latencies), 95), errors.get(), timeoutSeconds, replica);
    }

    // --- growth across scales ----------------------------------------------------------------------

    private void growthAcrossScales() throws Exception {
        long started = System.nanoTime();
        List<Double> list = Arrays.stream(scales.split(",")).map(String::trim).map(Double::valueOf).toList();
        Map<String, double[]> p50s = new LinkedHashMap<>();
        Map<String, double[]> colds = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nTandem growth benchmark, scales %s (seed %d),"
                        + " %d cores, max heap %,d MB: dashboard p50 in ms through HTTP over %d repeats after %d warm-ups%n",
                scales, seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                repeats, WARMUPS));
        for (int s = 0; s < list.size(); s++) {
            double sc = list.get(s);
            emptyDatabase();
            Path dir = Path.of("target", "benchmark-data-" + label(sc)).toAbsolutePath();
            Map<String, Long> rows = ScaleData.write(sc, seed, today(), dir);
            ImportBench bench = new ImportBench(context);
            double importSeconds = seconds(() -> ImportBench.KINDS.forEach(k -> bench.tandem(k, dir.resolve(k + ".csv"))));
            out.append(String.format(Locale.ROOT, "scale %s: %s, imported in %.1f s%n", label(sc), rows, importSeconds));
            api = BenchmarkApi.manager(appUsers, tokens, port, timeoutSeconds);
            Endpoints endpoints = endpoints(dir);
            endpoints.duck.close();
            for (Endpoint e : endpoints.list) {
                colds.computeIfAbsent(e.name(), k -> new double[list.size()])[s] = time(() -> call(e.path()));
                // the first (smallest) scale also warms the JVM up, so that the ratio is not JIT compilation
                for (int i = 0; i < (s == 0 ? 3 * WARMUPS : WARMUPS); i++) {
                    call(e.path());
                }
                p50s.computeIfAbsent(e.name(), k -> new double[list.size()])[s] = pct(repeatCalls(e, 3, null), 50);
            }
        }
        growthTable(out, "p50 (repeats; cache hits once the API caches)", list, p50s);
        growthTable(out, "cold (first call after the import: the queries' cost)", list, colds);
        out.append(String.format(Locale.ROOT, "Whole run: %.0f s%n", seconds(started)));
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-growth-" + scales.replace(",", "-") + ".txt"), out);
    }

    /** One block of the growth output: per endpoint a time per scale and the ratio last/first; then their sum. */
    private static void growthTable(StringBuilder out, String title, List<Double> scales, Map<String, double[]> times) {
        out.append(String.format(Locale.ROOT, "%n%-38s", title.substring(0, title.indexOf(' '))));
        scales.forEach(sc -> out.append(String.format(Locale.ROOT, " %10s", "ms @" + label(sc))));
        out.append(String.format(Locale.ROOT, " %10s  %s%n", "last/first", title));
        double[] totals = new double[scales.size()];
        times.forEach((name, values) -> {
            out.append(String.format(Locale.ROOT, "%-38s", name));
            for (int i = 0; i < values.length; i++) {
                out.append(String.format(Locale.ROOT, " %10.1f", values[i]));
                totals[i] += values[i];
            }
            out.append(String.format(Locale.ROOT, " %9.2fx%n", values[values.length - 1] / values[0]));
        });
        out.append(String.format(Locale.ROOT, "%-38s", "all endpoints (sum)"));
        Arrays.stream(totals).forEach(t -> out.append(String.format(Locale.ROOT, " %10.1f", t)));
        out.append(String.format(Locale.ROOT, " %9.2fx%n", totals[totals.length - 1] / totals[0]));
    }

    /** Empties every data table, the users and their tokens with them (the next scale makes its own). */
    private void emptyDatabase() {
        jdbc.sql("truncate ratings, deals, tickets, revenue, customers, accounts, reps, api_tokens, app_users"
                + " restart identity").update();
    }

    // --- the endpoints -----------------------------------------------------------------------------

    private record Endpoints(LocalDate from, LocalDate to, List<Endpoint> list, DuckDbFigures duck) {
    }

    /** Every GET /api/metrics endpoint of the app's controllers, over the last 12 full months. */
    private Endpoints endpoints(Path dir) throws Exception {
        LocalDate to = today().withDayOfMonth(1).minusDays(1);
        LocalDate from = to.withDayOfMonth(1).minusMonths(11);
        MetricFilter filter = MetricFilter.of(from, to);
        String range = "?from=" + from + "&to=" + to;
        Period month = Period.lastFullMonth(today());
        uncachedScorecards = new Scorecards(jdbc, response, happiness, sales, outcomes, ResultCache.NONE);
        LocalDate weekStart = from.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String week = String.format(Locale.ROOT, "%d-W%02d", weekStart.get(IsoFields.WEEK_BASED_YEAR),
                weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String rep = jdbc.sql("select external_id from reps where role = 'support' order by external_id limit 1")
                .query(String.class).optional().orElse("none");
        YearMonth firstCohort = YearMonth.from(from);
        String weekSql = "{week}";
        List<Endpoint> list = List.of(
                endpoint("revenue/movements", "/api/metrics/revenue/movements" + range, () -> movements.fetch(filter),
                        r -> r.months().get(r.months().size() - 1).mrr(), DuckDbFigures.MRR_LAST_MONTH),
                endpoint("retention/churn", "/api/metrics/retention/churn" + range, () -> churn.fetch(filter),
                        r -> r.months().get(r.months().size() - 1).churned(), DuckDbFigures.CHURNED_LAST_MONTH),
                endpoint("retention/cohorts", "/api/metrics/retention/cohorts" + range, () -> cohorts.fetch(filter),
                        r -> r.cohorts().stream().mapToLong(c -> c.size()).sum(), DuckDbFigures.COHORT_ACCOUNTS_IN_RANGE),
                endpoint("retention/cohorts/accounts", "/api/metrics/retention/cohorts/accounts?cohort=" + firstCohort
                                + "&age=0", () -> cohortAccounts.fetch(firstCohort, 0, null, null, 100, 0),
                        r -> r.size(), DuckDbFigures.FIRST_COHORT_SIZE),
                endpoint("revenue/retention", "/api/metrics/revenue/retention" + range,
                        () -> revenueRetention.fetch(filter), r -> r.months().get(r.months().size() - 1).nrr(),
                        DuckDbFigures.NRR_LAST_MONTH),
                endpoint("revenue/arpu-by-age", "/api/metrics/revenue/arpu-by-age" + range, () -> arpu.fetch(filter),
                        r -> r.ages().get(0).arpu(), DuckDbFigures.ARPU_AT_AGE_0),
                endpoint("segments", "/api/metrics/segments" + range, () -> segments.fetch(filter),
                        r -> r.segments().stream().filter(s -> s.segment().equals("1-3")).findFirst().orElseThrow()
                                .activeAccounts(), DuckDbFigures.ACTIVE_SMALL_LAST_MONTH),
                endpoint("growth", "/api/metrics/growth" + range, () -> growth.fetch(filter), r -> r.arpa(),
                        DuckDbFigures.ARPA_LAST_MONTH),
                endpoint("growth/high-touch", "/api/metrics/growth/high-touch" + range, () -> growth.fetch(filter),
                        r -> null, null),
                endpoint("retention/leading-indicators", "/api/metrics/retention/leading-indicators" + range,
                        () -> indicators.fetch(filter), r -> null, null),
                endpoint("support/response-vs-volume", "/api/metrics/support/response-vs-volume" + range,
                        () -> response.fetch(filter), r -> r.weeks().get(1).medianFrtMinutes(),
                        DuckDbFigures.MEDIAN_FRT_WEEK.replace(weekSql, weekStart.toString())),
                endpoint("support/response-vs-volume/reps", "/api/metrics/support/response-vs-volume/reps" + range,
                        () -> response.fetch(filter), r -> r.reps().stream().filter(x -> x.rep().equals(rep))
                                .findFirst().map(x -> (Object) x.customersHelped()).orElse(0L),
                        DuckDbFigures.REP_CUSTOMERS_HELPED.replace("{rep}", rep.replace("'", "''"))),
                endpoint("support/tickets?week", "/api/metrics/support/tickets" + range + "&week=" + week,
                        () -> ticketsQuery.fetch(filter, week, null, 50, 0), r -> r.total(),
                        DuckDbFigures.TICKETS_WEEK.replace(weekSql, weekStart.toString())),
                endpoint("support/happiness", "/api/metrics/support/happiness" + range, () -> happiness.fetch(filter),
                        r -> r.team().n(), DuckDbFigures.RATINGS_IN_RANGE),
                endpoint("support/contact-rate", "/api/metrics/support/contact-rate" + range,
                        () -> contactRate.fetch(filter), r -> r.months().get(r.months().size() - 1).contacted(),
                        DuckDbFigures.CONTACTED_LAST_MONTH),
                endpoint("sales/quality", "/api/metrics/sales/quality" + range,
                        () -> List.of(sales.fetch(filter), supportSourced.fetch(filter, 500)),
                        r -> ((SalesQualityQuery.SalesQuality) r.get(0)).total().bookings(), DuckDbFigures.BOOKINGS),
                endpoint("sales/support-sourced", "/api/metrics/sales/support-sourced" + range,
                        () -> List.of(sales.fetch(filter), supportSourced.fetch(filter, 500)),
                        r -> ((SupportSourcedQuery.SupportSourced) r.get(1)).deals(), DuckDbFigures.SUPPORT_SOURCED_DEALS),
                endpoint("reps/{rep}/scorecard", "/api/metrics/reps/" + rep + "/scorecard?from=" + month.from() + "&to="
                        + month.to(), () -> uncachedScorecards.of(rep, month), r -> null, null));
        return new Endpoints(from, to, list, new DuckDbFigures(dir, from, to));
    }

    // --- helpers -----------------------------------------------------------------------------------


    private int call(String path) {
        return api.call(path);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String label(double scale) {
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return seconds(start);
    }

    private static double time(Runnable work) {
        return seconds(work) * 1000;
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

    private static void resetHeapPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    static {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
    }
}
