package io.tandem.app.demo;

import io.tandem.app.imports.CanonicalColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the generator's rows go, table by table, in the columns of {@link #COLUMNS} (internal ids). */
interface RowSink {

    /** The columns of each table, in the order the tables must be written. */
    Map<String, List<String>> COLUMNS = columns();

    void add(String table, Object[] row);

    /**
     * The table columns of each kind ({@link CanonicalColumns}); a kind with an external id also
     * gets the internal id first, which the generator chooses so that rows can reference each other.
     */
    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        CanonicalColumns.byKind().forEach((table, mapped) -> {
            List<String> names = new ArrayList<>();
            if (mapped.stream().anyMatch(c -> c.table().equals("external_id"))) {
                names.add("id");
            }
            mapped.forEach(c -> names.add(c.table()));
            columns.put(table, List.copyOf(names));
        });
        return Collections.unmodifiableMap(columns);
    }

    /** Keeps every row in memory, for COPY into the database (the demo data). */
    final class InMemory implements RowSink {
        private final Map<String, TableRows> tables = new LinkedHashMap<>();

        InMemory() {
            COLUMNS.forEach((table, columns) -> tables.put(table, new TableRows(table, columns, new ArrayList<>())));
        }

        @Override
        public void add(String table, Object[] row) {
            tables.get(table).add(row);
        }

        List<TableRows> tables() {
            return List.copyOf(tables.values());
        }
    }
}
