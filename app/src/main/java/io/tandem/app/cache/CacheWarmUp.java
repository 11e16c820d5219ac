package io.tandem.app.cache;

import io.tandem.app.web.DashboardFilter;

/**
 * A dashboard that can compute its default view ahead of the first reader, so that the first page
 * view after an import is served from the cache. Implemented by each dashboard's report.
 */
public interface CacheWarmUp {

    /** Computes (and so caches) the figures of the default view. */
    void warm(DashboardFilter defaults);
}
