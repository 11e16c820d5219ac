package io.tandem.app.imports;

/**
 * What one run (a file or a zip) did, decided once from its mode, whether it was a dry run and
 * whether any of its files had rejected rows: a strict run with rejections, or a dry run, writes
 * nothing and rolls back.
 */
record Outcome(ImportMode mode, boolean dryRun, boolean rejected) {

    boolean written() {
        return !dryRun && (mode == ImportMode.LENIENT || !rejected);
    }

    /** A strict import refused for its rejected rows: 422 rather than 200. */
    boolean refused() {
        return !dryRun && !written();
    }

    /** The history's status of one file: a dry run succeeds for a file that would have been written. */
    String status(ImportResult file) {
        boolean wouldWrite = written() || (dryRun && (file.rejected() == 0 || mode == ImportMode.LENIENT));
        return wouldWrite ? "succeeded" : "rejected";
    }
}
