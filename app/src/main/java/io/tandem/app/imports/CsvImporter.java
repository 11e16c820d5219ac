package io.tandem.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports CSV files kind by kind, inside the caller's transaction, in three steps:
 * {@link Staging} streams the file into a temporary table, {@link CrossRowChecks} runs the checks
 * across rows and against the database as set-based SQL, and {@link Merge} writes the valid rows.
 */
@Component
class CsvImporter {

    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);

    private final JdbcClient jdbc;
    private final Staging staging;
    private final CrossRowChecks checks;
    private final Merge merge;

    CsvImporter(JdbcClient jdbc, Staging staging, CrossRowChecks checks, Merge merge) {
        this.jdbc = jdbc;
        this.staging = staging;
        this.checks = checks;
        this.merge = merge;
    }

    /** Creates the per-import temporary tables; call once per transaction before the first file. */
    void begin() {
        jdbc.sql("""
                create temp table if not exists import_errors (
                    line integer, col text, value text, message text
                ) on commit drop""").update();
        jdbc.sql("create index if not exists import_errors_line_idx on import_errors (line)").update();
        jdbc.sql("""
                create temp table if not exists import_rejected (
                    kind text, key text, file text, line integer
                ) on commit drop""").update();
        jdbc.sql("create index if not exists import_rejected_key_idx on import_rejected (kind, key)").update();
    }

    /** Stages, checks and merges one file. {@code kind} null: detected from the header. */
    ImportResult.FileReport importFile(String fileName, ImportKind kind, InputStream content,
                                       ColumnType.Context context, ImportProgress.Tracker tracker) {
        long started = System.nanoTime();
        tracker.file(fileName);
        Staging.CountingInputStream counted = new Staging.CountingInputStream(content);
        try (CsvRows records = staging.open(fileName, counted)) {
            Staging.Header header = staging.readHeader(fileName, kind, records);
            jdbc.sql("delete from import_errors").update();
            staging.createStage(header);
            long rows = staging.copyRows(fileName, header, records, context, counted, tracker);
            long staged = System.nanoTime();
            tracker.phase("checking");
            jdbc.sql("analyze import_stage").update();
            checks.run(header, fileName);
            long checked = System.nanoTime();
            tracker.phase("merging");
            long[] merged = merge.merge(header);
            long mergedAt = System.nanoTime();
            ImportResult.FileReport report = merge.report(header, fileName, rows, merged, started);
            log.info("Imported {} ({} rows): staged in {} ms, checked in {} ms, merged in {} ms, reported in {} ms",
                    fileName, rows, (staged - started) / 1_000_000, (checked - staged) / 1_000_000,
                    (mergedAt - checked) / 1_000_000, (System.nanoTime() - mergedAt) / 1_000_000);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kind a file's header names, if it can be told. */
    Optional<ImportKind> kindOf(String fileName, InputStream content) throws IOException {
        return staging.kindOf(fileName, content);
    }
}
