package io.tandem.metrics.support;

import java.util.List;

/**
 * One page of the tickets behind a week or a rep.
 *
 * @param total   tickets selected, over all pages
 * @param limit   the page size asked for
 * @param offset  tickets skipped before this page
 * @param tickets this page, oldest first (then by external id)
 */
public record TicketPage(long total, int limit, long offset, List<TicketRow> tickets) {
}
