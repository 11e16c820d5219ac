package io.tandem.app.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the generator's rows go, table by table, in the columns of {@link #COLUMNS} (internal ids). */
interface RowSink {

    /** The columns of each table, in the order the tables must be written. */
    Map<String, List<String>> COLUMNS = columns();

    void add(String table, Object[] row);

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("reps", List.of("id", "external_id", "name", "email", "team", "role", "annual_cost", "high_touch",
                "active"));
        columns.put("accounts", List.of("id", "external_id", "name", "signed_up_at", "churned_at", "seats", "plan", "mrr",
                "currency", "owner_rep_id"));
        columns.put("customers", List.of("id", "external_id", "account_id", "name", "email", "created_at"));
        columns.put("revenue", List.of("account_id", "month", "mrr", "currency"));
        columns.put("tickets", List.of("id", "external_id", "customer_id", "account_id", "rep_id", "channel", "type",
                "opened_at", "first_response_at", "closed_at", "agent_replies", "handle_minutes", "escalated", "presale"));
        columns.put("ratings", List.of("ticket_id", "rating", "rated_at", "rep_id", "comment"));
        columns.put("deals", List.of("id", "external_id", "account_id", "rep_id", "type", "amount", "currency", "stage",
                "created_at", "closed_at", "source", "ticket_id"));
        return java.util.Collections.unmodifiableMap(columns);
    }

    /** Keeps every row in memory, for COPY into the database (the demo data). */
    final class InMemory implements RowSink {
        private final Map<String, TableRows> tables = new LinkedHashMap<>();

        InMemory() {
            COLUMNS.forEach((table, columns) -> tables.put(table, new TableRows(table, columns, new java.util.ArrayList<>())));
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
