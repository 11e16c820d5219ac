package io.tandem.app.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides, for each dashboard computation, whether the read replica may answer it: only when the replica
 * has replayed the data version the result is computed for (and cached under), read as
 * {@code data_version} on the replica itself. That row is bumped by a trigger in the same transaction as
 * every write that metrics read (V7), so a replica showing version v holds exactly the data of version v
 * or later, and a figure computed there is never older than the version it is cached under. A lagging
 * replica (an import the primary committed but the replica has not replayed yet) and an unreachable one
 * hand the computation to the primary instead; an unreachable replica is not asked again for
 * {@value #RETRY_AFTER_SECONDS} s, and said so in a WARN at most once a minute.
 *
 * <p>Without {@code tandem.db.replica-url} every computation runs on the primary as before, and nothing is
 * read twice. The counts ({@link #counts()}) say how computations were served since the start.
 */
@Component
public class ReplicaReads {

    /** How many computations each server answered since the start. */
    public record Counts(long fromReplica, long fromPrimaryWhileLagging, long fromPrimaryWhileUnreachable) {
    }

    static final long RETRY_AFTER_SECONDS = 5;
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final String VERSION = "select version from data_version where id = 1";
    private static final Logger log = LoggerFactory.getLogger(ReplicaReads.class);

    private final ReplicaDataSource routing;
    private final JdbcClient replica;
    private final AtomicLong fromReplica = new AtomicLong();
    private final AtomicLong lagging = new AtomicLong();
    private final AtomicLong unreachable = new AtomicLong();
    private volatile long retryAt;
    private volatile long warnedAt = System.nanoTime() - WARN_EVERY.toNanos();
    private volatile boolean down;

    ReplicaReads(DataSource dataSource) {
        this.routing = dataSource instanceof ReplicaDataSource r ? r : null;
        this.replica = routing == null ? null : JdbcClient.create(routing.replica());
    }

    /** Whether a read replica is configured ({@code tandem.db.replica-url}). */
    public boolean configured() {
        return routing != null;
    }

    /**
     * The result of {@code compute} for data version {@code version} (read on the primary): computed on the
     * replica when it has replayed that version, otherwise on the primary. Without a replica, just computed.
     */
    public <T> T read(long version, Supplier<T> compute) {
        if (routing == null) {
            return compute.get();
        }
        Long replayed = replicaVersion();
        if (replayed == null) {
            unreachable.incrementAndGet();
            return routing.onPrimary(compute);
        }
        if (replayed < version) {
            lagging.incrementAndGet();
            log.debug("Replica at data version {} behind the primary's {}: computed on the primary", replayed, version);
            return routing.onPrimary(compute);
        }
        fromReplica.incrementAndGet();
        return routing.onReplica(compute);
    }

    /** Runs {@code work} on the primary, even inside a computation on the replica (the data version read). */
    public <T> T onPrimary(Supplier<T> work) {
        return routing == null ? work.get() : routing.onPrimary(work);
    }

    /** How computations were served since the start (all zero without a replica). */
    public Counts counts() {
        return new Counts(fromReplica.get(), lagging.get(), unreachable.get());
    }

    /** The replica's data version, or null when it did not answer (or did not a moment ago). */
    private Long replicaVersion() {
        long now = System.nanoTime();
        if (down && now - retryAt < 0) {
            return null;
        }
        try {
            long version = replica.sql(VERSION).query(Long.class).single();
            if (down) {
                down = false;
                log.info("Read replica answers again: dashboards read from it ({})", counts());
            }
            return version;
        } catch (DataAccessException e) {
            retryAt = now + Duration.ofSeconds(RETRY_AFTER_SECONDS).toNanos();
            down = true;
            if (now - warnedAt >= WARN_EVERY.toNanos()) {
                warnedAt = now;
                log.warn("Read replica unreachable ({}); dashboards read from the primary, the replica is tried again"
                                + " every {} s ({})", NestedExceptionUtils.getMostSpecificCause(e).getMessage(),
                        RETRY_AFTER_SECONDS, counts());
            }
            return null;
        }
    }
}
