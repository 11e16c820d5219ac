package io.tandem.app.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.QueryTimeoutException;

/**
 * A request the database could not serve in time: a statement cancelled by {@code statement_timeout}
 * (SQLSTATE 57014) or no pooled connection free within the pool's wait. The answer is 503 with a
 * Retry-After, on pages and in the API, not a 500: nothing is broken, the database is busy.
 */
final class DatabaseBusy {

    static final String RETRY_AFTER_SECONDS = "10";

    private DatabaseBusy() {
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
