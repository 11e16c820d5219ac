package io.tandem.domain.imports;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of one CSV file: who ran it, when, and what became of every row. */
@Entity
@Table(name = "import_runs")
public class ImportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String kind;
    private String fileName;
    private String mode;
    private boolean dryRun;
    private String status;
    private String startedBy;
    private Instant startedAt = Instant.now();
    private Instant finishedAt;
    private int rowsRead;
    private int inserted;
    private int updated;
    private int unchanged;
    private int rejected;

    protected ImportRun() {
    }

    public ImportRun(String kind, String fileName, String mode, boolean dryRun, String startedBy) {
        this.kind = kind;
        this.fileName = fileName;
        this.mode = mode;
        this.dryRun = dryRun;
        this.startedBy = startedBy;
        this.status = "running";
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
    public int getRowsRead() { return rowsRead; }
    public int getInserted() { return inserted; }
    public int getUpdated() { return updated; }
    public int getUnchanged() { return unchanged; }
    public int getRejected() { return rejected; }

    public void finish(String status, int rowsRead, int inserted, int updated, int unchanged, int rejected) {
        this.status = status;
        this.rowsRead = rowsRead;
        this.inserted = inserted;
        this.updated = updated;
        this.unchanged = unchanged;
        this.rejected = rejected;
        this.finishedAt = Instant.now();
    }
}
