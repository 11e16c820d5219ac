package io.tandem.app.imports;

import io.tandem.app.TandemApplication;
import io.tandem.domain.accounts.CustomerRepository;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.tickets.Ticket;
import io.tandem.domain.tickets.TicketRepository;
import java.io.BufferedWriter;
import java.io.FileReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import benchmark (not a test: it asserts nothing and runs only with -Pbenchmark). It
 * generates a tickets file of {@code benchmark.rows} rows and times, in one run on one machine:
 * Tandem's import (parse, check, stage, merge), the same file through COPY into a bare all-text
 * table (what psql's \copy does), and saving rows one by one with JPA. Run it with
 * {@code ./mvnw -B -Pbenchmark verify -pl app -am -Dit.test=ImportBenchmark -Dbenchmark.rows=1000000}; the profile gives the
 * JVM -Xmx256m, so a run also shows that a large file imports in a small heap.
 */
@SpringBootTest(classes = TandemApplication.class, properties = {
        "tandem.data-dir=${java.io.tmpdir}/tandem-bench/${random.uuid}",
        "tandem.embedded.clean=true",
        "tandem.demo.load=false",
        "tandem.import.max-file-mb=2000"})
class ImportBenchmark {

    @Autowired
    Imports imports;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TicketRepository tickets;
    @Autowired
    CustomerRepository customers;
    @Autowired
    RepRepository reps;
    @Value("${benchmark.rows:200000}")
    int rows;
    @Value("${benchmark.jpa-rows:20000}")
    int jpaRows;

    private record Timing(String method, long rows, double seconds) {
        double rate() {
            return rows / seconds;
        }
    }

    @Test
    void importRowsPerSecond() throws Exception {
        Path dir = Files.createTempDirectory("tandem-bench");
        seedReferences(dir);
        Path file = ticketsFile(dir, rows);
        long bytes = Files.size(file);
        resetHeapPeaks();

        List<Timing> timings = new ArrayList<>();
        timings.add(time("copy into a bare table (= psql \\copy)", rows, () -> bareCopy(file)));
        timings.add(time("Tandem import (strict)", rows, () -> imports.run(
                List.of(new Imports.Source("tickets.csv", ImportKind.TICKETS, () -> Files.newInputStream(file))),
                "strict", false, "benchmark", ImportProgress.NONE)));
        long heapPeak = heapPeak();
        int jpa = Math.min(jpaRows, rows);
        timings.add(time("JPA save() one row at a time", jpa, () -> jpaSaves(file, jpa)));

        double copyRate = timings.get(0).rate();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nImport benchmark: %,d ticket rows (%,.1f MB), max heap %,d MB, %d cores%n",
                rows, bytes / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-42s %10s %9s %12s %14s%n", "method", "rows", "seconds", "rows/s",
                "time vs copy"));
        for (Timing t : timings) {
            out.append(String.format(Locale.ROOT, "%-42s %,10d %9.2f %,12.0f %13.2fx%n", t.method(), t.rows(),
                    t.seconds(), t.rate(), copyRate / t.rate()));
        }
        out.append(String.format(Locale.ROOT, "Tandem is %.1fx faster per row than JPA saves; heap peak during the"
                + " Tandem import: %,d MB%n", timings.get(1).rate() / timings.get(2).rate(), heapPeak / (1024 * 1024)));
        System.out.println(out);
        Files.writeString(Path.of("target", "import-benchmark.txt"), out);
    }

    /** The reps, accounts and customers the tickets name. */
    private void seedReferences(Path dir) throws IOException {
        Path reps = dir.resolve("reps.csv");
        Path accounts = dir.resolve("accounts.csv");
        Path customers = dir.resolve("customers.csv");
        try (BufferedWriter r = Files.newBufferedWriter(reps); BufferedWriter a = Files.newBufferedWriter(accounts);
             BufferedWriter c = Files.newBufferedWriter(customers)) {
            r.write("external_id,name,team,role\n");
            for (int i = 0; i < 50; i++) {
                r.write("R" + i + ",Rep " + i + ",Support,support\n");
            }
            a.write("external_id,name,signed_up_at,seats,mrr\n");
            c.write("external_id,account\n");
            for (int i = 0; i < 2000; i++) {
                a.write("A" + i + ",Account " + i + ",2024-01-01,5,100\n");
                for (int j = 0; j < 5; j++) {
                    c.write("C" + i + "-" + j + ",A" + i + "\n");
                }
            }
        }
        imports.run(List.of(
                        new Imports.Source("reps.csv", ImportKind.REPS, () -> Files.newInputStream(reps)),
                        new Imports.Source("accounts.csv", ImportKind.ACCOUNTS, () -> Files.newInputStream(accounts)),
                        new Imports.Source("customers.csv", ImportKind.CUSTOMERS, () -> Files.newInputStream(customers))),
                "strict", false, "benchmark", ImportProgress.NONE);
    }

    private static Path ticketsFile(Path dir, int rows) throws IOException {
        Path file = dir.resolve("tickets.csv");
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("external_id,customer,account,rep,channel,type,opened_at,first_response_at,closed_at,"
                    + "agent_replies,handle_minutes,escalated,presale\n");
            for (int i = 0; i < rows; i++) {
                int account = i % 2000;
                Instant opened = start.plusSeconds(i * 37L);
                out.write("T" + i + ",C" + account + "-" + (i % 5) + ",A" + account + ",R" + (i % 50) + ",email,question,"
                        + opened + "," + opened.plusSeconds(1800 + i % 3600) + "," + opened.plusSeconds(86_400) + ","
                        + (1 + i % 6) + "," + (5 + i % 90) + ".5," + (i % 17 == 0) + ",false\n");
            }
        }
        return file;
    }

    private void bareCopy(Path file) {
        jdbc.sql("drop table if exists bench_bare; create table bench_bare (external_id text, customer text,"
                + " account text, rep text, channel text, type text, opened_at text, first_response_at text,"
                + " closed_at text, agent_replies text, handle_minutes text, escalated text, presale text)").update();
        try (Connection c = dataSource.getConnection(); FileReader in = new FileReader(file.toFile(), StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_bare from stdin (format csv, header)", in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void jpaSaves(Path file, int count) {
        var customer = customers.findByExternalId("C0-0").orElseThrow();
        var rep = reps.findByExternalId("R0").orElseThrow();
        for (int i = 0; i < count; i++) {
            int n = i;
            transaction.executeWithoutResult(s -> {
                Ticket t = new Ticket("J" + n, customer, Instant.parse("2024-01-01T08:00:00Z").plusSeconds(n));
                t.setRep(rep);
                t.setChannel("email");
                t.setAgentReplies(2);
                t.setHandleMinutes(BigDecimal.TEN);
                tickets.save(t);
            });
        }
    }

    private static Timing time(String method, long rows, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return new Timing(method, rows, (System.nanoTime() - start) / 1e9);
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
