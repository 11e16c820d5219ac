package io.tandem.app.demo;

import java.util.List;

/** Rows for one table, in column order, ready to be copied into PostgreSQL. */
record TableRows(String table, List<String> columns, List<Object[]> rows) {

    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }
}
