package io.tandem.metrics.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Response time against volume in one ISO week (metrics.md section 2, weeks as in section 0). Tickets
 * count in the week they were opened, in the organisation's time zone. FRT figures are in minutes,
 * unrounded, over answered tickets only; with none they are absent, never 0.
 *
 * @param week               ISO week, {@code yyyy-Www}
 * @param startsOn           its Monday
 * @param partial            the range cuts the week: only the days inside the range count
 * @param customersHelped    distinct customers with at least one answered ticket opened in the week
 * @param tickets            tickets opened in the week, answered or not
 * @param medianFrtMinutes   median first response time (continuous)
 * @param p90FrtMinutes      90th percentile first response time (continuous)
 * @param meanFrtMinutes     mean first response time, shown only beside the median and p90
 * @param repliesPerCustomer agent replies on the answered tickets / customers helped; absent without any
 * @param unanswered         tickets with no first response, counted apart
 */
public record ResponseWeek(
        String week,
        LocalDate startsOn,
        boolean partial,
        long customersHelped,
        long tickets,
        BigDecimal medianFrtMinutes,
        BigDecimal p90FrtMinutes,
        BigDecimal meanFrtMinutes,
        BigDecimal repliesPerCustomer,
        long unanswered) {
}
