package io.tandem.app.demo;

import io.tandem.app.TandemApplication;
import io.tandem.app.imports.FolderImport;
import io.tandem.domain.db.EmbeddedPostgresServer.DataDirectoryInUseException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tandem.jar generate --scale S --out DIR [--seed N] [--load]}: writes the scale
 * data as canonical CSV files and, with {@code --load}, imports them through the importer into the
 * configured database, with Tandem started without its web server.
 */
public final class GenerateCommand {

    static final String USAGE = """
            Usage: java -jar tandem.jar generate --scale S --out DIR [--seed N] [--load] [--tandem.x=y ...]

              --scale S   size: 1 = 20,000 accounts, 100,000 customers, 1,000,000 tickets, 600,000 ratings,
                          ~480,000 revenue rows, 50,000 deals, 200 reps over 3 years; more than 0, at most 10
              --out DIR   folder for reps.csv, accounts.csv, customers.csv, revenue.csv, tickets.csv,
                          ratings.csv, deals.csv (created if missing; files replaced)
              --seed N    random seed (default 42): same seed and scale give the same files on the same day
              --load      then import the files, in strict mode and one transaction, into the configured
                          database (the embedded one by default, same data directory as a normal start);
                          Tandem must not be running on it. Options such as --tandem.data-dir=DIR apply.
              --help      this text
            """;

    record Options(double scale, Path out, long seed, boolean load, List<String> springArgs) {
    }

    private GenerateCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        long started = System.nanoTime();
        Map<String, Long> counts = ScaleData.write(options.scale(), options.seed(), LocalDate.now(), options.out());
        out.printf(Locale.ROOT, "Wrote scale %s data (seed %d) to %s in %.1f s:%n", options.scale(), options.seed(),
                options.out().toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        counts.forEach((kind, rows) -> out.printf(Locale.ROOT, "  %-14s %,10d rows%n", kind + ".csv", rows));
        return options.load() ? load(options, out, err) : 0;
    }

    /** Null for --help. */
    static Options parse(String[] args) {
        Double scale = null;
        Path out = null;
        long seed = 42;
        boolean load = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--scale" -> scale = number(arg, value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--seed" -> seed = wholeNumber(arg, value(args, ++i, arg));
                case "--load" -> load = true;
                default -> {
                    if (!arg.startsWith("--") || !arg.contains("=")) {
                        throw new IllegalArgumentException("unknown argument '" + arg + "'");
                    }
                    springArgs.add(arg);
                }
            }
        }
        if (scale == null) {
            throw new IllegalArgumentException("--scale is missing");
        }
        if (!(scale > 0 && scale <= 10)) {
            throw new IllegalArgumentException("--scale must be more than 0 and at most 10, not " + scale);
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is missing");
        }
        return new Options(scale, out, seed, load, List.copyOf(springArgs));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not '" + value + "'");
        }
    }

    private static long wholeNumber(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static int load(Options options, PrintStream out, PrintStream err) {
        SpringApplication app = new SpringApplication(TandemApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // the data comes from the files, not the demo; one file may hold more rows than an upload; and no
        // background warm-up of dashboards this one-off run will not serve
        app.setDefaultProperties(Map.of("tandem.demo.load", "false", "tandem.import.max-rows", "1000000000",
                "tandem.cache.warm-up", "false"));
        try (ConfigurableApplicationContext context = app.run(options.springArgs().toArray(String[]::new))) {
            long importStarted = System.nanoTime();
            Map<String, Long> rows = context.getBean(FolderImport.class).importCsvFiles(options.out(), "generate");
            out.printf(Locale.ROOT, "Imported %,d rows from %d files in %.1f s (strict mode, one transaction).%n",
                    rows.values().stream().mapToLong(Long::longValue).sum(), rows.size(),
                    (System.nanoTime() - importStarted) / 1e9);
            return 0;
        } catch (RuntimeException e) {
            Throwable inUse = e;
            while (inUse != null && !(inUse instanceof DataDirectoryInUseException)) {
                inUse = inUse.getCause();
            }
            err.println("generate --load: " + (inUse != null ? inUse.getMessage() : e.getMessage()));
            return 1;
        }
    }
}
