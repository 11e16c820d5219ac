package io.tandem.metrics.overview;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The home page figures.
 *
 * @param horizon        the reporting horizon (metrics.md section 0)
 * @param activeAccounts accounts with MRR > 0 in the horizon month
 * @param mrr            total MRR in the horizon month
 * @param churnMonth     the last full month up to the horizon
 * @param logoChurn      accounts churned in churnMonth over accounts active the month before
 * @param weekStart      Monday of the last full ISO week
 * @param ticketsLastWeek tickets opened in that week
 */
public record Headlines(
        YearMonth horizon,
        long activeAccounts,
        BigDecimal mrr,
        String currency,
        YearMonth churnMonth,
        Rate logoChurn,
        LocalDate weekStart,
        long ticketsLastWeek,
        boolean hasData) {
}
