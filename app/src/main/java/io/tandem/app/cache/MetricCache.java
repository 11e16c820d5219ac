package io.tandem.app.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tandem.app.db.ReplicaReads;
import io.tandem.metrics.ResultCache;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Metric results cached under the version of the data they were computed from (table
 * {@code data_version}, bumped by a trigger on every statement that writes data a metric reads).
 * Every lookup reads the current version first, so once an import, a demo load or a settings change
 * commits, no figure computed before it is served again; results are shared by all viewers, because
 * the engine's results do not depend on who asks (names are hidden later, per viewer). Simultaneous
 * requests for the same figure wait for one computation instead of each running it. Entries also
 * expire after {@code tandem.cache.ttl}, so that figures depending on today's date follow the clock.
 *
 * <p>With a read replica ({@code tandem.db.replica-url}), the version is still read on the primary, and a
 * result is computed on the replica only once the replica has replayed that version ({@link ReplicaReads}),
 * otherwise on the primary: a figure cached under version v never comes from data older than v. The same
 * holds with the cache off and for the reads that are not cached ({@link #uncached}).
 */
@Component
public class MetricCache implements ResultCache {

    private record Key(long version, String metric, Object arguments) {
    }

    private final JdbcClient jdbc;
    private final ReplicaReads replicas;
    private final AsyncCache<Key, Object> cache;
    private final boolean enabled;
    private final AtomicLong computations = new AtomicLong();

    MetricCache(JdbcClient jdbc, ReplicaReads replicas, @Value("${tandem.cache.enabled:true}") boolean enabled,
                @Value("${tandem.cache.max-entries:2000}") long maxEntries,
                @Value("${tandem.cache.ttl:10m}") Duration ttl) {
        this.jdbc = jdbc;
        this.replicas = replicas;
        this.enabled = enabled;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).buildAsync();
    }

    /**
     * The result of {@code compute} for this metric and these arguments (equal arguments: equal
     * result), from the cache when it was computed from the current data.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String metric, Object arguments, Supplier<T> compute) {
        if (!enabled) {
            return uncached(compute);
        }
        Key key = new Key(version(), metric, arguments);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> earlier = cache.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            return (T) await(earlier);
        }
        computations.incrementAndGet();
        try {
            T result = replicas.read(key.version(), compute);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** {@link #get(String, Object, Supplier)} for a fetch that takes its arguments as one value. */
    public <A, T> T get(String metric, A arguments, Function<A, T> fetch) {
        return get(metric, arguments, () -> fetch.apply(arguments));
    }

    /**
     * A dashboard read that is not cached (a page of a drill-down, a streamed CSV): on the replica when it has
     * replayed the current data version, otherwise on the primary; without a replica simply run.
     */
    public <T> T uncached(Supplier<T> read) {
        return replicas.configured() ? replicas.read(version(), read) : read.get();
    }

    /** {@link #uncached(Supplier)} for a read that returns nothing (it streams what it reads). */
    public void uncached(Runnable read) {
        uncached(() -> {
            read.run();
            return null;
        });
    }

    /** How many results were computed rather than found, since the start (for tests and diagnostics). */
    public long computations() {
        return computations.get();
    }

    /** The current data version (on the primary): changes whenever a write to the data metrics read commits. */
    public long version() {
        return replicas.onPrimary(() -> jdbc.sql("select version from data_version where id = 1").query(Long.class)
                .single());
    }

    private static Object await(CompletableFuture<Object> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
