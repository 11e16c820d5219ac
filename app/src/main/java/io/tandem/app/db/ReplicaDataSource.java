package io.tandem.app.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's one DataSource when a read replica is configured: connections come from the
 * primary's pool, except on a thread that is inside {@link #onReplica}, where they come from the
 * replica's. Everything that does not ask for the replica (imports, settings, users, audit, tokens, the
 * data version) therefore keeps using the primary, and the engine's queries need no second JdbcClient:
 * {@link ReplicaReads} decides per computation which server may answer it.
 *
 * <p>A transaction binds its connection when it begins: one begun inside the replica scope stays on the
 * replica (a streamed CSV), one begun outside stays on the primary even if a replica scope opens within it.
 */
final class ReplicaDataSource extends DelegatingDataSource {

    private final HikariDataSource replica;
    private final ThreadLocal<Boolean> onReplica = new ThreadLocal<>();

    ReplicaDataSource(DataSource primary, HikariDataSource replica) {
        super(primary);
        this.replica = replica;
    }

    /** The replica's own pool, for reads that must go there whatever the thread's scope. */
    DataSource replica() {
        return replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return Boolean.TRUE.equals(onReplica.get()) ? replica.getConnection() : super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return Boolean.TRUE.equals(onReplica.get()) ? replica.getConnection(username, password)
                : super.getConnection(username, password);
    }

    /** Runs {@code work} with this thread's new connections taken from the replica. */
    <T> T onReplica(Supplier<T> work) {
        return within(true, work);
    }

    /** Runs {@code work} with this thread's new connections taken from the primary, even inside a replica scope. */
    <T> T onPrimary(Supplier<T> work) {
        return within(false, work);
    }

    private <T> T within(boolean replicaScope, Supplier<T> work) {
        Boolean before = onReplica.get();
        onReplica.set(replicaScope);
        try {
            return work.get();
        } finally {
            if (before == null) {
                onReplica.remove();
            } else {
                onReplica.set(before);
            }
        }
    }
}
