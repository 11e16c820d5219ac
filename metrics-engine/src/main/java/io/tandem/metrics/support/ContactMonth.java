package io.tandem.metrics.support;

import io.tandem.metrics.Rate;
import java.time.YearMonth;

/**
 * Contact rate in one month (metrics.md section 2).
 *
 * @param month     the month m, in the organisation's time zone
 * @param customers customers (people) of accounts active in m; a customer created after m is not yet one
 * @param contacted of those, the ones who opened a ticket in m
 * @param rate      contacted / customers; no value without customers
 */
public record ContactMonth(YearMonth month, long customers, long contacted, Rate rate) {
}
