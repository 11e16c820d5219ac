package io.tandem.metrics.retention;

import io.tandem.metrics.Rate;
import java.time.YearMonth;

/**
 * Logo churn of one month (metrics.md section 1, "Customer (logo) churn rate").
 *
 * @param month          the month m
 * @param activeAtStart  accounts active in m-1 (MRR(m-1) &gt; 0)
 * @param churned        of those, accounts with MRR(m) = 0
 * @param rate           churned / activeAtStart; no value when no account was active in m-1
 * @param trailing12Rate the trailing-12-month figure over the 12 months ending with m
 */
public record ChurnMonth(YearMonth month, long activeAtStart, long churned, Rate rate, Trailing12Churn trailing12Rate) {
}
