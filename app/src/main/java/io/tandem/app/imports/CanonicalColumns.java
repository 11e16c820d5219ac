package io.tandem.app.imports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each kind's columns, read from {@link ImportKind}, for code outside this package that writes the
 * same tables and files (the demo generator).
 */
public final class CanonicalColumns {

    /**
     * One column of a kind.
     *
     * @param table      the column of the kind's table (for a reference, its id column)
     * @param csv        the column of the canonical CSV file
     * @param references for a reference, the table whose external id the CSV names; else null
     */
    public record Mapped(String table, String csv, String references) {
    }

    private CanonicalColumns() {
    }

    /** The columns of every kind by its code (reps, accounts, ...), in import order. */
    public static Map<String, List<Mapped>> byKind() {
        Map<String, List<Mapped>> kinds = new LinkedHashMap<>();
        Arrays.stream(ImportKind.values()).forEach(kind -> kinds.put(kind.code(), kind.columns().stream()
                .map(c -> new Mapped(c.target(), c.name(), c.type() == ColumnType.REF ? c.refKind() : null))
                .toList()));
        return kinds;
    }
}
