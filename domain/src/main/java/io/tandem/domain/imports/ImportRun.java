package io.tandem.domain.imports;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of one CSV file: who ran it, when, and what became of every row. Written by the importer. */
@Entity
@Table(name = "import_runs")
public class ImportRun {

    @Id
    private Long id;
    private String kind;
    private String fileName;
    private String mode;
    private boolean dryRun;
    private String status;
    private String startedBy;
    private Instant startedAt;
    private Instant finishedAt;
    private Long durationMs;
    private long rowsRead;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;
    private long errorCount;
    private String message;

    protected ImportRun() {
    }

    public Long getId() { return id; }
    public String getKind() { return kind; }
    public String getFileName() { return fileName; }
    public String getMode() { return mode; }
    public boolean isDryRun() { return dryRun; }
    public String getStatus() { return status; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Long getDurationMs() { return durationMs; }
    public long getRowsRead() { return rowsRead; }
    public long getInserted() { return inserted; }
    public long getUpdated() { return updated; }
    public long getUnchanged() { return unchanged; }
    public long getRejected() { return rejected; }
    public long getErrorCount() { return errorCount; }
    public String getMessage() { return message; }
}
