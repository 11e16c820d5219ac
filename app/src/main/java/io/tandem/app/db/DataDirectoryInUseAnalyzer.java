package io.tandem.app.db;

import io.tandem.domain.db.EmbeddedPostgresServer.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on the same data directory into a short, clear message instead of a stack trace. */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the Tandem that is running (Ctrl-C in its terminal), or start this one with its own data"
                        + " directory: --tandem.data-dir=/some/other/dir", cause);
    }
}
