package io.tandem.app.imports;

import io.tandem.app.cache.CacheWarmer;
import io.tandem.app.db.LongStatements;
import io.tandem.app.security.Audit;
import io.tandem.domain.settings.Settings;
import io.tandem.domain.settings.SettingsRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports: one file or a zip of several, all in one transaction, one import at a time.
 * Strict mode or a dry run with rejected rows rolls everything back; a failure midway, or a kill,
 * leaves the database as it was. Every run is recorded in the history and the audit log.
 */
@Service
class Imports {

    /** Any other import holds this advisory lock until its transaction ends. */
    private static final long IMPORT_LOCK = 0x7a4d_1e00L;

    /** One file to import: its name, kind (null: detect) and a way to open it. */
    record Source(String name, ImportKind kind, Opener opener) {
    }

    /** A finished run: its outcome and every file's result, in import order. */
    record Run(Outcome outcome, List<ImportResult> files) {
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final CsvImporter importer;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final SettingsRepository settings;
    private final ImportHistory history;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final long maxZipExpandedBytes;
    private final int maxZipEntries;

    Imports(CsvImporter importer, TransactionTemplate transaction, JdbcClient jdbc, SettingsRepository settings,
            ImportHistory history, Audit audit, ApplicationEventPublisher events,
            @Value("${tandem.import.max-zip-expanded-bytes:2147483648}") long maxZipExpandedBytes,
            @Value("${tandem.import.max-zip-entries:20}") int maxZipEntries) {
        this.importer = importer;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.settings = settings;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.maxZipExpandedBytes = maxZipExpandedBytes;
        this.maxZipEntries = maxZipEntries;
    }

    /** Imports the files in dependency order (reps first, deals last) in one transaction. */
    Run run(List<Source> sources, ImportMode mode, boolean dryRun, String user, ImportProgress.Tracker tracker) {
        List<Source> ordered = sources.stream()
                .map(this::withKindFromHeader)
                .sorted(Comparator.comparing((Source s) -> s.kind() == null ? Integer.MAX_VALUE : s.kind().ordinal()))
                .toList();
        List<ImportResult.FileReport> files = new ArrayList<>();
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                boolean free = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", IMPORT_LOCK)
                        .query(Boolean.class).single();
                if (!free) {
                    throw new ImportFailure(HttpStatus.CONFLICT,
                            "Another import is running. Imports run one at a time; try again when it has finished.");
                }
                LongStatements.allowInThisTransaction(jdbc);
                Settings s = settings.current();
                ColumnType.Context context = new ColumnType.Context(ZoneId.of(s.getTimeZone()), s.getCurrency());
                importer.begin();
                for (Source source : ordered) {
                    try (InputStream in = source.opener().open()) {
                        files.add(importer.importFile(source.name(), source.kind(), in, context, tracker));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                Outcome decided = new Outcome(mode, dryRun, files.stream().anyMatch(f -> f.rejected() > 0));
                if (!decided.written()) {
                    status.setRollbackOnly();
                }
                return decided;
            });
        } catch (ImportFailure e) {
            history.failed(ordered, mode, dryRun, user, e.getMessage());
            throw e;
        } finally {
            tracker.done();
        }
        List<ImportResult> reported = files.stream().map(f -> ImportResult.of(f, outcome)).toList();
        history.record(reported, outcome, user);
        analyze(reported);
        // the cache needs no telling (its key is the data version); this lets it compute ahead of readers
        if (reported.stream().anyMatch(r -> r.written() && r.inserted() + r.updated() > 0)) {
            events.publishEvent(new CacheWarmer.DataChanged("import"));
        }
        if (!dryRun) {
            audit.record(user, "import", reported.stream().map(r -> r.file() + " (" + r.kind() + "): " + r.rows() + " rows, "
                    + r.inserted() + " inserted, " + r.updated() + " updated, " + r.rejected() + " rejected"
                    + (r.written() ? "" : ", nothing written")).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return new Run(outcome, reported);
    }

    /**
     * Refreshes the planner's statistics of the tables an import wrote, so that dashboards plan well
     * at once (autovacuum may take a minute, and never analyses very small tables such as reps).
     * Revenue and accounts also rewrite the account_month rollup (V4 migration triggers), tickets and
     * ratings the rep_tier_month rollup (V6), tickets the rep_week rollup (V8); a change of seats moves rows of
     * both between segments (V11). The leading indicators' and contact rate's rollups (V12) follow accounts,
     * revenue, customers, tickets and ratings (account_support_month, indicator_month, contact_month), and
     * tickets and reps (frt_week).
     */
    private void analyze(List<ImportResult> results) {
        List<String> tables = results.stream()
                .filter(r -> r.written() && r.inserted() + r.updated() > 0)
                .map(r -> ImportKind.fromCode(r.kind()).orElseThrow().table())
                .distinct()
                .toList();
        tables.forEach(table -> jdbc.sql("analyze " + table).update());
        if (tables.contains("revenue") || tables.contains("accounts")) {
            jdbc.sql("analyze account_month").update();
        }
        if (tables.contains("tickets") || tables.contains("ratings") || tables.contains("accounts")) {
            jdbc.sql("analyze rep_tier_month").update();
        }
        if (tables.contains("tickets") || tables.contains("accounts")) {
            jdbc.sql("analyze rep_week").update();
        }
        if (tables.contains("revenue") || tables.contains("accounts") || tables.contains("customers")
                || tables.contains("tickets") || tables.contains("ratings")) {
            jdbc.sql("analyze account_support_month, indicator_month, contact_month").update();
        }
        if (tables.contains("tickets") || tables.contains("reps")) {
            jdbc.sql("analyze frt_week").update();
        }
    }

    /** A file named by no kind is placed by its header, so that a zip of a.csv and b.csv imports in order. */
    private Source withKindFromHeader(Source source) {
        if (source.kind() != null) {
            return source;
        }
        try (InputStream in = source.opener().open()) {
            return new Source(source.name(), importer.kindOf(source.name(), in).orElse(null), source.opener());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CSV files of a zip, each with its kind from its name (or header). A zip that would expand
     * beyond the limit, or holds too many files, is refused before anything is read.
     */
    List<Source> zipSources(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<Source> sources = new ArrayList<>();
            Set<String> names = new HashSet<>();
            long expanded = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                if (!names.add(name)) {
                    throw new ImportFailure(HttpStatus.BAD_REQUEST, "The zip holds two entries named " + name
                            + "; Tandem cannot tell which one to import. Make a zip with one file of each name.");
                }
                if (sources.size() == maxZipEntries) {
                    throw new ImportFailure(HttpStatus.PAYLOAD_TOO_LARGE, "The zip holds more than " + maxZipEntries
                            + " CSV files.");
                }
                long size = entry.getSize();
                expanded += size < 0 ? maxZipExpandedBytes + 1 : size;
                if (expanded > maxZipExpandedBytes) {
                    throw new ImportFailure(HttpStatus.PAYLOAD_TOO_LARGE, "The zip expands beyond "
                            + maxZipExpandedBytes / (1024 * 1024) + " MB; import its files in smaller zips.");
                }
                ImportKind kind = ImportKind.fromFileName(name.substring(name.lastIndexOf('/') + 1)).orElse(null);
                String entryName = name;
                sources.add(new Source(entryName, kind, () -> limited(zip, entryName, size)));
            }
            if (sources.isEmpty()) {
                throw new ImportFailure(HttpStatus.BAD_REQUEST, "The zip holds no .csv files.");
            }
            return sources;
        } catch (ZipException e) {
            throw new ImportFailure(HttpStatus.BAD_REQUEST, "The upload is not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens one entry, refusing to read more bytes than its header declared (zip bombs lie). */
    private static InputStream limited(Path zip, String entryName, long declared) throws IOException {
        ZipFile file = new ZipFile(zip.toFile());
        InputStream in = file.getInputStream(file.getEntry(entryName));
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > declared) {
                    throw new ImportFailure(HttpStatus.PAYLOAD_TOO_LARGE, entryName + " expands beyond its declared size.");
                }
            }

            @Override
            public void close() throws IOException {
                super.close();
                file.close();
            }
        };
    }
}
