package io.tandem.app.benchmark;

import io.tandem.app.TandemApplication;
import io.tandem.app.demo.ScaleData;
import io.tandem.app.imports.FolderImport;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.ResultCache;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.overview.HeadlinesQuery;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every metric query at a scale (issue 9, "measure first"; not a test:
 * it asserts nothing and runs only with -Pbenchmark). Writes the scale-S company, imports it through
 * the importer, then runs each engine query once on a connection with auto_explain and writes a
 * summary (statements, time, buffers, sequential scans of the big tables) and every plan to
 * {@code app/target/explain-scale-S.txt}. Run it with
 * {@code ./mvnw -B -Pbenchmark verify -pl app -am -Dit.test=ExplainBenchmark -Dbenchmark.scale=1}.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                // -Dbenchmark.data-dir=... -Dbenchmark.clean=false keeps the imported company for the next run
                "tandem.data-dir=${benchmark.data-dir:${java.io.tmpdir}/tandem-bench/${random.uuid}}",
                "tandem.embedded.clean=${benchmark.clean:true}",
                "tandem.demo.load=false",
                // the generated data ends today: so do the default ranges
                "tandem.clock.today=",
                "tandem.import.max-rows=1000000000"})
class ExplainBenchmark {

    private static final Pattern DURATION = Pattern.compile("duration: ([0-9.]+) ms");
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (tickets|ratings|revenue|accounts|customers"
            + "|deals|account_month|rollup_\\w+)\\b");

    @Value("${benchmark.scale:1}")
    double scale;
    @Value("${benchmark.seed:42}")
    long seed;
    /** Only the queries whose name contains this (all when empty). */
    @Value("${benchmark.only:}")
    String only;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FolderImport folderImport;

    @Test
    void explainEveryMetricQuery() throws Exception {
        String label = scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
        Path dir = Path.of("target", "benchmark-data-" + label).toAbsolutePath();
        LocalDate today = LocalDate.now();
        long importStart = System.nanoTime();
        Map<String, Long> rows;
        if (jdbc.sql("select exists (select 1 from tickets)").query(Boolean.class).single()) {
            rows = Map.of("tickets (kept from an earlier run)", jdbc.sql("select count(*) from tickets")
                    .query(Long.class).single());
        } else {
            rows = ScaleData.write(scale, seed, today, dir);
            folderImport.importCsvFiles(dir, "benchmark");
        }
        double importSeconds = (System.nanoTime() - importStart) / 1e9;

        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        MetricFilter year = MetricFilter.of(to.withDayOfMonth(1).minusMonths(11), to);
        MetricFilter month = MetricFilter.of(to.withDayOfMonth(1), to);
        MetricFilter history = MetricFilter.of(LocalDate.of(2000, 1, 1), to);
        Period lastMonth = Period.lastFullMonth(today);
        String rep = jdbc.sql("select external_id from reps where name = 'Morgan Hale'").query(String.class).single();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "%nEXPLAIN (ANALYZE, BUFFERS) at scale %s: %s, imported in %.0f s; %d cores%n"
                        + "ranges: year %s..%s, month %s..%s; one run each, right after the import, buffers in 8 kB pages%n",
                label, rows, importSeconds, Runtime.getRuntime().availableProcessors(), year.from(), year.to(),
                month.from(), month.to()));
        summary.append(String.format(Locale.ROOT, "%-40s %5s %10s %12s %10s  %s%n", "query", "stmts", "ms",
                "shared hit", "read", "seq scans of big tables"));
        StringBuilder plans = new StringBuilder();
        try (ExplainCapture capture = new ExplainCapture(dataSource)) {
            JdbcClient c = capture.jdbc();
            Map<String, Runnable> queries = new LinkedHashMap<>();
            queries.put("headlines", () -> new HeadlinesQuery(c, Clock.systemDefaultZone()).fetch());
            queries.put("revenue/movements (year)", () -> new MrrMovementsQuery(c).fetch(year));
            queries.put("revenue/movements (month)", () -> new MrrMovementsQuery(c).fetch(month));
            queries.put("retention/churn (year)", () -> new LogoChurnQuery(c).fetch(year));
            queries.put("retention/cohorts (history)", () -> new CohortRetentionQuery(c).fetch(history));
            queries.put("retention/cohorts/accounts", () -> new CohortAccountsQuery(c)
                    .fetch(YearMonth.from(to).minusMonths(12), 6, null, null, 100, 0));
            queries.put("revenue/retention (year)", () -> new RevenueRetentionQuery(c).fetch(year));
            queries.put("revenue/arpu-by-age (history)", () -> new ArpuByAgeQuery(c).fetch(history));
            queries.put("segments (year)", () -> new SegmentsQuery(c).fetch(year));
            queries.put("growth (year)", () -> new GrowthQuery(c).fetch(year));
            queries.put("leading-indicators (history)", () -> new LeadingIndicatorsQuery(c).fetch(history));
            queries.put("support/response-vs-volume (year)", () -> new ResponseVsVolumeQuery(c).fetch(year));
            queries.put("support/response-vs-volume (month)", () -> new ResponseVsVolumeQuery(c).fetch(month));
            queries.put("support/tickets (month, page 1)", () -> new TicketsQuery(c).fetch(month, null, null, 50, 0));
            queries.put("support/contact-rate (year)", () -> new ContactRateQuery(c).fetch(year));
            queries.put("support/happiness (year)", () -> new HappinessQuery(c).fetch(year));
            queries.put("support/happiness (month)", () -> new HappinessQuery(c).fetch(month));
            queries.put("sales/quality (year)", () -> new SalesQualityQuery(c).fetch(year));
            queries.put("sales/support-sourced (year)", () -> new SupportSourcedQuery(c).fetch(year, 20));
            queries.put("scorecard outcomes (month, team)", () -> new RepOutcomesQuery(c)
                    .fetch(new MetricFilter(month.from(), month.to(), "Support", null)));
            queries.put("reps/" + rep + "/scorecard (month)", () -> new Scorecards(c, new ResponseVsVolumeQuery(c),
                    new HappinessQuery(c), new SalesQualityQuery(c), new RepOutcomesQuery(c), ResultCache.NONE)
                    .of(rep, lastMonth));
            for (Map.Entry<String, Runnable> q : queries.entrySet()) {
                if (!q.getKey().contains(only)) {
                    continue;
                }
                List<String> captured;
                long started = System.nanoTime();
                try {
                    captured = capture.plansOf(q.getValue());
                } catch (RuntimeException e) {
                    String line = String.format(Locale.ROOT, "%-40s failed after %.0f s: %s%n", q.getKey(),
                            (System.nanoTime() - started) / 1e9, NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                    System.out.print("explain: " + line);
                    summary.append(line);
                    continue;
                }
                double ms = 0;
                long hit = 0;
                long read = 0;
                Map<String, Integer> seqScans = new LinkedHashMap<>();
                for (String plan : captured) {
                    ms += firstDouble(DURATION, plan);
                    Matcher b = BUFFERS.matcher(plan);
                    if (b.find()) {
                        hit += Long.parseLong(b.group(1));
                        read += b.group(2) == null ? 0 : Long.parseLong(b.group(2));
                    }
                    Matcher s = SEQ_SCAN.matcher(plan);
                    while (s.find()) {
                        seqScans.merge(s.group(1), 1, Integer::sum);
                    }
                }
                String line = String.format(Locale.ROOT, "%-40s %5d %10.1f %,12d %,10d  %s%n", q.getKey(),
                        captured.size(), ms, hit, read, seqScans.isEmpty() ? "-" : seqScans);
                System.out.print("explain: " + line);
                summary.append(line);
                plans.append("\n==== ").append(q.getKey()).append('\n');
                captured.forEach(p -> plans.append(p).append('\n'));
            }
        }
        System.out.println(summary);
        Files.writeString(Path.of("target", "explain-scale-" + label + ".txt"), summary + "\n" + plans);
    }

    private static double firstDouble(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
