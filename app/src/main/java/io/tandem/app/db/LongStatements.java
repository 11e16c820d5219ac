package io.tandem.app.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every pooled connection runs with {@code statement_timeout = tandem.db.statement-timeout} (30 s by
 * default), so that one heavy dashboard request cannot hold a connection and starve the others. The
 * few jobs that legitimately run longer (imports, loading or clearing the demo, exports of whole
 * tables, settings changes that rebuild pre-aggregated data) lift it for their own transaction only.
 */
public final class LongStatements {

    private LongStatements() {
    }

    /** Lifts the statement timeout until the current transaction ends; call inside a transaction. */
    public static void allowInThisTransaction(JdbcClient jdbc) {
        jdbc.sql("set local statement_timeout = 0").update();
    }
}
