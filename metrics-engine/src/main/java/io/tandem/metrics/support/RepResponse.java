package io.tandem.metrics.support;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;

/**
 * One rep's speed and load over the range (metrics.md section 2): the point (customersHelped,
 * medianFrtMinutes) sized by repliesPerCustomer, and the table beside it. Tickets are credited to the
 * ticket's rep. FRT figures are over answered tickets, in minutes, absent without any.
 *
 * @param rep                the rep's external id
 * @param customersHelped    distinct customers with at least one answered ticket of the rep
 * @param tickets            the rep's tickets opened in the range
 * @param medianFrtMinutes   median first response time
 * @param p90FrtMinutes      90th percentile first response time
 * @param repliesPerCustomer agent replies on the answered tickets / customers helped
 * @param unanswered         tickets without a first response
 * @param hardShare          hard tickets / tickets
 */
public record RepResponse(
        String rep,
        long customersHelped,
        long tickets,
        BigDecimal medianFrtMinutes,
        BigDecimal p90FrtMinutes,
        BigDecimal repliesPerCustomer,
        long unanswered,
        Rate hardShare) {
}
