package io.tandem.app.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Imports a folder of canonical CSV files (reps.csv ... deals.csv, such as the scale data
 * writes) through the importer, in strict mode and one transaction, as an upload of a zip would.
 */
@Service
public class FolderImport {

    private final Imports imports;

    FolderImport(Imports imports) {
        this.imports = imports;
    }

    /**
     * @param dir  the folder; every {@code <kind>.csv} in it is imported, other files are left alone
     * @param user who the import history and audit log name
     * @return rows read by kind code, in import order
     * @throws IllegalArgumentException when the folder holds none of the seven files
     * @throws IllegalStateException    when a row is rejected: then nothing is written
     */
    public Map<String, Long> importCsvFiles(Path dir, String user) {
        List<Imports.Source> sources = new ArrayList<>();
        for (ImportKind kind : ImportKind.values()) {
            Path file = dir.resolve(kind.code() + ".csv");
            if (Files.isRegularFile(file)) {
                sources.add(new Imports.Source(file.getFileName().toString(), kind, () -> Files.newInputStream(file)));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds none of reps.csv, accounts.csv, customers.csv, revenue.csv,"
                    + " tickets.csv, ratings.csv, deals.csv");
        }
        List<ImportResult> results = imports.run(sources, ImportMode.STRICT, false, user, ImportProgress.NONE).files();
        List<ImportResult> rejected = results.stream().filter(r -> r.rejected() > 0).toList();
        if (!rejected.isEmpty()) {
            throw new IllegalStateException("Nothing imported: " + rejected.stream()
                    .map(r -> r.file() + " has " + r.rejected() + " rejected rows, first: " + r.errors().get(0))
                    .collect(Collectors.joining("; ")));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        results.forEach(r -> rows.put(r.kind(), r.rows()));
        return rows;
    }
}
