package io.tandem.app.cache;

import io.tandem.app.web.DashboardFilters;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After the data changed (an import, a settings change, the start with data), computes every
 * dashboard's default view in the background, one warm-up at a time, so that the first reader
 * after an import does not wait for the cold queries. A change during a warm-up queues one more
 * warm-up; further changes meanwhile fold into it. {@code tandem.cache.warm-up=false} turns it off.
 */
@Component
public class CacheWarmer {

    /** Published once data a metric reads has been committed. */
    public record DataChanged(String why) {
    }

    private static final Logger log = LoggerFactory.getLogger(CacheWarmer.class);

    private final List<CacheWarmUp> dashboards;
    private final DashboardFilters filters;
    private final boolean enabled;
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean stopping;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "tandem-cache-warm-up");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    CacheWarmer(List<CacheWarmUp> dashboards, DashboardFilters filters,
                @Value("${tandem.cache.warm-up:true}") boolean enabled) {
        this.dashboards = dashboards;
        this.filters = filters;
        this.enabled = enabled && !dashboards.isEmpty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        changed(new DataChanged("start"));
    }

    /** After commit when published in a transaction; at once otherwise. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(DataChanged event) {
        changes.incrementAndGet();
        if (enabled) {
            worker.execute(() -> warmNow(event.why()));
        }
    }

    /** Computes every dashboard's default view now, in this thread. */
    public void warmNow(String why) {
        long started = System.nanoTime();
        for (CacheWarmUp dashboard : dashboards) {
            if (stopping) {
                return;
            }
            try {
                dashboard.warm(filters.parse(null, null, null, null, null));
            } catch (RuntimeException e) {
                if (!stopping) {
                    log.warn("Cache warm-up of {} failed: {}", dashboard.getClass().getSimpleName(),
                            NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                }
            }
        }
        log.info("Dashboards computed ahead of their readers ({}) in {} ms", why, (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops warming: the application is closing and its database with it. */
    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
    }

    /** How many data changes were announced since the start. */
    public long changes() {
        return changes.get();
    }

    /** Whether data changes start a warm-up by themselves. */
    public boolean enabled() {
        return enabled;
    }
}
