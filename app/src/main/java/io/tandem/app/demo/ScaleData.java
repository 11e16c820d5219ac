package io.tandem.app.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Scale data (issue 9): the demo company's simulation, with the same planted patterns, at a size
 * the benchmarks need, written as canonical CSV files for the importer. Scale 1 is about 20,000
 * accounts, 100,000 customers, 1,000,000 tickets, 600,000 ratings, 480,000 revenue rows, 50,000
 * deals and 200 reps over three years; every count grows linearly with the scale.
 *
 * <p>Memory stays flat whatever the scale: rows stream to the files as they are made. A ticket's
 * first response time follows the volume of its week, so the simulation runs twice with the same
 * seed: a first pass only counts tickets per week, the second writes.
 */
public final class ScaleData {

    /** The files, in the order they must be imported. */
    public static final String[] FILES = RowSink.COLUMNS.keySet().stream().map(t -> t + ".csv").toArray(String[]::new);

    private ScaleData() {
    }

    /**
     * Writes reps.csv, accounts.csv, customers.csv, revenue.csv, tickets.csv, ratings.csv and
     * deals.csv into {@code dir} (created if missing, files replaced).
     *
     * @param scale 0.01 to 10; 1 is 20,000 accounts
     * @param seed  same seed, scale and today give the same files
     * @param today the last day of history
     * @return rows written by kind code (reps, accounts, customers, revenue, tickets, ratings, deals)
     */
    public static Map<String, Long> write(double scale, long seed, LocalDate today, Path dir) {
        if (!(scale > 0 && scale <= 10)) {
            throw new IllegalArgumentException("scale must be more than 0 and at most 10, got " + scale);
        }
        GenerationProfile profile = GenerationProfile.scale(scale);
        DemoDataGenerator counting = new DemoDataGenerator(seed, profile, today, (table, row) -> { },
                DemoDataGenerator.Replies.COUNT_ONLY, null);
        counting.run();
        try (CanonicalCsvSink sink = new CanonicalCsvSink(dir)) {
            new DemoDataGenerator(seed, profile, today, sink, DemoDataGenerator.Replies.AT_ONCE, counting.weekVolumes())
                    .run();
            return sink.counts();
        }
    }
}
