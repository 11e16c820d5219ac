package io.tandem.app.imports;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The import history (import_runs), written in its own transaction so that it outlives a rollback. */
@Component
class ImportHistory {

    private final JdbcClient jdbc;

    ImportHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(List<ImportResult> results, Outcome outcome, String user) {
        for (ImportResult r : results) {
            long id = jdbc.sql("""
                    insert into import_runs (kind, file_name, mode, dry_run, status, started_by, started_at, finished_at,
                                             duration_ms, rows_read, inserted, updated, unchanged, rejected, error_count)
                    values (:kind, :file, :mode, :dryRun, :status, :user, now() - make_interval(secs => :ms / 1000.0), now(),
                            :ms, :rows, :inserted, :updated, :unchanged, :rejected, :errors)
                    returning id
                    """)
                    .param("kind", r.kind()).param("file", clean(r.file())).param("mode", r.mode().code()).param("dryRun", r.dryRun())
                    .param("status", outcome.status(r)).param("user", user).param("ms", r.millis()).param("rows", r.rows())
                    .param("inserted", r.inserted()).param("updated", r.updated()).param("unchanged", r.unchanged())
                    .param("rejected", r.rejected()).param("errors", r.errors().size() + r.moreErrors())
                    .query(Long.class).single();
            for (ImportResult.RowError e : r.errors()) {
                jdbc.sql("insert into import_run_errors (run_id, line, col, value, message) values (:id, :line, :col, :value, :message)")
                        .param("id", id).param("line", e.line()).param("col", e.column()).param("value", e.value())
                        .param("message", e.message())
                        .update();
            }
        }
    }

    /** PostgreSQL text cannot hold NUL; a message may quote a binary file's header. */
    private static String clean(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(List<Imports.Source> sources, ImportMode mode, boolean dryRun, String user, String message) {
        String files = clean(sources.stream().map(Imports.Source::name).reduce((a, b) -> a + ", " + b).orElse(""));
        String kind = sources.size() == 1 && sources.get(0).kind() != null ? sources.get(0).kind().code() : null;
        jdbc.sql("""
                insert into import_runs (kind, file_name, mode, dry_run, status, started_by, finished_at, duration_ms, message)
                values (:kind, :file, :mode, :dryRun, 'failed', :user, now(), 0, :message)
                """)
                .param("kind", kind).param("file", files).param("mode", mode.code()).param("dryRun", dryRun)
                .param("user", user).param("message", clean(message))
                .update();
    }
}
