package io.tandem.app.benchmark;

import io.tandem.app.TandemApplication;
import io.tandem.app.demo.ScaleData;
import io.tandem.app.imports.FolderImport;
import io.tandem.app.security.ApiTokens;
import io.tandem.domain.users.AppUserRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cold matrix of issue 16 (not a test: it asserts nothing and runs only with -Pbenchmark): every dashboard
 * API endpoint and the scorecard, with the result cache off, for each range (3, 12, 36 months, a custom range)
 * and each team and segment, at one or more scales. Each cell is one call through HTTP after one warm-up pass
 * over the endpoints (so that it measures the queries, not JIT compilation); the table names the worst cell
 * and counts the cells over the target (300 ms up to scale 1, 1 s above). Written to
 * {@code app/target/benchmark-matrix-S.txt}. Run it with
 * {@code ./mvnw -B -Pbenchmark verify -pl app -am -Dit.test=ColdMatrixBenchmark -Dbenchmark.scales=1}
 * (add {@code -Dbenchmark.data-dir=/tmp/tandem-matrix -Dbenchmark.clean=false} to keep the imported company for
 * the next run of a single scale; {@code -Dbenchmark.matrix=full} crosses every range, team and segment).
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${benchmark.data-dir:${java.io.tmpdir}/tandem-bench/${random.uuid}}",
                "tandem.embedded.clean=${benchmark.clean:true}",
                "tandem.demo.load=false",
                "tandem.cache.enabled=false",
                // the generated data ends today: so do the default ranges
                "tandem.clock.today=",
                "tandem.import.max-rows=1000000000",
                "tandem.import.max-file-mb=40000"})
class ColdMatrixBenchmark {

    private static final List<String> TEAMS = List.of("Support", "Sales", "Success");
    private static final List<String> SEGMENTS = List.of("1-3", "4-10", "11+");

    @LocalServerPort int port;
    @Value("${benchmark.scales:1}") String scales;
    @Value("${benchmark.seed:42}") long seed;
    @Value("${benchmark.matrix:axes}") String matrix;
    @Value("${benchmark.timeout-seconds:60}") int timeoutSeconds;
    /** Only the endpoints whose name contains this (all when empty). */
    @Value("${benchmark.only:}") String only;

    @Autowired JdbcClient jdbc;
    @Autowired FolderImport folderImport;
    @Autowired ApiTokens tokens;
    @Autowired AppUserRepository appUsers;

    private BenchmarkApi api;

    /** One column of the matrix: a range and, optionally, a team and a segment. */
    private record Cell(String name, LocalDate from, LocalDate to, String team, String segment) {

        String query() {
            return "from=" + from + "&to=" + to + (team == null ? "" : "&team=" + team)
                    + (segment == null ? "" : "&segment=" + segment.replace("+", "%2B"));
        }

        boolean rangeOnly() {
            return team == null && segment == null;
        }
    }

    /** One row: an endpoint, its path for a cell, and whether it takes a team and segment. */
    private record Endpoint(String name, String path, boolean scoped) {
    }

    @Test
    void coldMatrix() throws Exception {
        long started = System.nanoTime();
        List<Double> list = Arrays.stream(scales.split(",")).map(String::trim).map(Double::valueOf).toList();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nTandem cold matrix, scales %s (seed %d),"
                        + " %d cores, max heap %,d MB, result cache off: one call per cell through HTTP, ms%n",
                scales, seed, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        for (double scale : list) {
            String part = atScale(scale, list.size() > 1);
            out.append(part);
            System.out.print(part);
        }
        out.append(String.format(Locale.ROOT, "Whole run: %.0f s%n", (System.nanoTime() - started) / 1e9));
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-matrix-" + scales.replace(",", "-") + ".txt"), out);
    }

    private String atScale(double scale, boolean reload) throws Exception {
        String label = BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
        StringBuilder out = new StringBuilder();
        boolean kept = jdbc.sql("select exists (select 1 from tickets)").query(Boolean.class).single();
        if (kept && reload) {
            jdbc.sql("truncate ratings, deals, tickets, revenue, customers, accounts, reps, api_tokens, app_users"
                    + " restart identity").update();
            kept = false;
        }
        if (kept) {
            out.append(String.format(Locale.ROOT, "%nscale %s: kept from an earlier run (%,d tickets)%n", label,
                    jdbc.sql("select count(*) from tickets").query(Long.class).single()));
        } else {
            Path dir = Path.of("target", "benchmark-data-" + label).toAbsolutePath();
            long start = System.nanoTime();
            Map<String, Long> rows = ScaleData.write(scale, seed, today(), dir);
            folderImport.importCsvFiles(dir, "benchmark");
            out.append(String.format(Locale.ROOT, "%nscale %s: %s, written and imported in %.0f s%n", label, rows,
                    (System.nanoTime() - start) / 1e9));
        }
        api = BenchmarkApi.manager(appUsers, tokens, port, timeoutSeconds);
        List<Cell> cells = cells();
        List<Endpoint> endpoints = endpoints(cells.get(1));
        for (Endpoint e : endpoints) {
            call(e.path() + cells.get(1).query()); // warm-up: JIT, plans, buffers
        }
        double target = scale <= 1 ? 300 : 1000;
        out.append(String.format(Locale.ROOT, "%-34s", "endpoint \\ filter"));
        cells.forEach(c -> out.append(String.format(Locale.ROOT, " %12s", c.name())));
        out.append(String.format(Locale.ROOT, " %12s%n", "worst"));
        double worst = -1;
        String worstCell = "";
        int over = 0;
        int measured = 0;
        double total = 0;
        for (Endpoint e : endpoints) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s", e.name()));
            double rowWorst = 0;
            for (Cell c : cells) {
                if (!e.scoped() && !c.rangeOnly()) {
                    row.append(String.format(Locale.ROOT, " %12s", "-"));
                    continue;
                }
                int[] status = new int[1];
                long start = System.nanoTime();
                status[0] = call(e.path() + c.query());
                double ms = (System.nanoTime() - start) / 1e6;
                row.append(String.format(Locale.ROOT, " %12s", status[0] == 200 ? String.format(Locale.ROOT, "%.0f", ms)
                        : "HTTP" + status[0]));
                measured++;
                total += ms;
                if (ms > target) {
                    over++;
                }
                rowWorst = Math.max(rowWorst, ms);
                if (ms > worst) {
                    worst = ms;
                    worstCell = e.name() + " × " + c.name() + " (" + c.query() + ")";
                }
            }
            row.append(String.format(Locale.ROOT, " %12.0f%n", rowWorst));
            System.out.print("matrix: " + row);
            out.append(row);
        }
        out.append(String.format(Locale.ROOT, "scale %s: %d cells, %d over the %.0f ms target, mean %.0f ms; worst"
                + " %.0f ms: %s%n", label, measured, over, target, total / measured, worst, worstCell));
        out.append("cells: ");
        cells.forEach(c -> out.append(c.name()).append(" = ").append(c.query()).append("; "));
        out.append('\n');
        return out.toString();
    }

    /** The filter columns: every range alone, then (12 months) each team, each segment and one of both. */
    private List<Cell> cells() {
        LocalDate to = today().withDayOfMonth(1).minusDays(1);
        LocalDate month = to.withDayOfMonth(1);
        List<Cell> ranges = List.of(
                new Cell("3m", month.minusMonths(2), to, null, null),
                new Cell("12m", month.minusMonths(11), to, null, null),
                new Cell("36m", month.minusMonths(35), to, null, null),
                new Cell("custom", month.minusMonths(7).plusDays(9), month.minusMonths(1).plusDays(19), null, null));
        List<Cell> cells = new ArrayList<>(ranges);
        if (matrix.equals("full")) {
            for (Cell r : ranges) {
                for (String team : teamsAndAll()) {
                    for (String segment : segmentsAndAll()) {
                        if (team != null || segment != null) {
                            cells.add(new Cell(r.name() + "/" + abbrev(team) + "/" + abbrev(segment), r.from(), r.to(),
                                    team, segment));
                        }
                    }
                }
            }
            return cells;
        }
        Cell year = ranges.get(1);
        TEAMS.forEach(t -> cells.add(new Cell(abbrev(t), year.from(), year.to(), t, null)));
        SEGMENTS.forEach(s -> cells.add(new Cell("seg " + s, year.from(), year.to(), null, s)));
        cells.add(new Cell("3m/Sales/1-3", ranges.get(0).from(), to, "Sales", "1-3"));
        return cells;
    }

    private static List<String> teamsAndAll() {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(TEAMS);
        return all;
    }

    private static List<String> segmentsAndAll() {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(SEGMENTS);
        return all;
    }

    private static String abbrev(String s) {
        return s == null ? "*" : s;
    }

    /** Every GET /api/metrics endpoint; the drill-downs ask for a cell inside the 12-month range. */
    private List<Endpoint> endpoints(Cell year) {
        LocalDate weekStart = year.from().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String week = String.format(Locale.ROOT, "%d-W%02d", weekStart.get(IsoFields.WEEK_BASED_YEAR),
                weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String supportRep = jdbc.sql("select external_id from reps where name = 'Morgan Hale'").query(String.class)
                .single();
        String salesRep = jdbc.sql("select external_id from reps where name = 'Riley Chase'").query(String.class)
                .single();
        String base = "/api/metrics/";
        List<Endpoint> all = List.of(
                new Endpoint("revenue/movements", base + "revenue/movements?", true),
                new Endpoint("retention/churn", base + "retention/churn?", true),
                new Endpoint("retention/cohorts", base + "retention/cohorts?", true),
                new Endpoint("retention/cohorts/accounts", base + "retention/cohorts/accounts?cohort="
                        + year.from().toString().substring(0, 7) + "&age=0&", true),
                new Endpoint("revenue/retention", base + "revenue/retention?", true),
                new Endpoint("revenue/arpu-by-age", base + "revenue/arpu-by-age?", true),
                new Endpoint("segments", base + "segments?", true),
                new Endpoint("growth", base + "growth?", true),
                new Endpoint("growth/high-touch", base + "growth/high-touch?", true),
                new Endpoint("retention/leading-indicators", base + "retention/leading-indicators?", true),
                new Endpoint("support/response-vs-volume", base + "support/response-vs-volume?", true),
                new Endpoint("support/response-vs-volume/reps", base + "support/response-vs-volume/reps?", true),
                new Endpoint("support/tickets?week", base + "support/tickets?week=" + week + "&", true),
                new Endpoint("support/happiness", base + "support/happiness?", true),
                new Endpoint("support/contact-rate", base + "support/contact-rate?", true),
                new Endpoint("sales/quality", base + "sales/quality?", true),
                new Endpoint("sales/support-sourced", base + "sales/support-sourced?", true),
                new Endpoint("scorecard (support rep)", base + "reps/" + supportRep + "/scorecard?", false),
                new Endpoint("scorecard (sales rep)", base + "reps/" + salesRep + "/scorecard?", false));
        return all.stream().filter(e -> e.name().contains(only)).toList();
    }


    private int call(String path) {
        return api.call(path);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
    }
}
