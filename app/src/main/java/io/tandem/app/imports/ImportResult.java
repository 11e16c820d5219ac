package io.tandem.app.imports;

import java.util.List;

/**
 * What became of every row of one file (api.md, Imports). In strict mode with rejected rows, or in
 * a dry run, the counts say what the import would do and {@code written} is false.
 */
record ImportResult(String kind, String file, ImportMode mode, boolean dryRun, boolean written, long rows,
                    long inserted, long updated, long unchanged, long rejected, List<RowError> errors,
                    long moreErrors, List<String> notices, long millis) {

    /** One file's report within its run's outcome. */
    static ImportResult of(FileReport f, Outcome outcome) {
        return new ImportResult(f.kind(), f.file(), outcome.mode(), outcome.dryRun(), outcome.written(), f.rows(),
                f.inserted(), f.updated(), f.unchanged(), f.rejected(), f.errors(), f.moreErrors(), f.notices(),
                f.millis());
    }

    /** What the importer found in one file, before the run decides whether it is written. */
    record FileReport(String kind, String file, long rows, long inserted, long updated, long unchanged, long rejected,
                      List<RowError> errors, long moreErrors, List<String> notices, long millis) {
    }

    /** One rejected cell or row: physical line (header = 1), column, value and why. */
    record RowError(long line, String column, String value, String message) {
    }
}
