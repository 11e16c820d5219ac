package io.tandem.metrics.retention;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Trailing-12-month logo churn (metrics.md section 1): accounts churned in the 12 months / the average
 * of the accounts active at the start of each of those months. Months before the first account count
 * as 0 active, so the figure is 12 x the pooled monthly rate ({@link #monthlyRate()}), an annual rate.
 *
 * @param value                churned / averageActiveAtStart; null when no account was active at the
 *                             start of any of the 12 months
 * @param churned              accounts churned in the 12 months
 * @param averageActiveAtStart the sum of the accounts active at the start of each month, / 12
 * @param n                    that sum (account-months at risk), the sample size
 * @param lowSample            n &lt; {@value Rate#LOW_SAMPLE_BELOW}
 */
public record Trailing12Churn(BigDecimal value, long churned, BigDecimal averageActiveAtStart, long n,
        boolean lowSample) {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public static Trailing12Churn of(long churned, long accountMonthsAtRisk) {
        BigDecimal average = BigDecimal.valueOf(accountMonthsAtRisk).divide(TWELVE, MathContext.DECIMAL64);
        BigDecimal value = accountMonthsAtRisk == 0 ? null
                : BigDecimal.valueOf(churned).multiply(TWELVE)
                        .divide(BigDecimal.valueOf(accountMonthsAtRisk), MathContext.DECIMAL64);
        return new Trailing12Churn(value, churned, average, accountMonthsAtRisk,
                accountMonthsAtRisk < Rate.LOW_SAMPLE_BELOW);
    }

    /** The pooled monthly rate: churned / account-months at risk (used by LTV, metrics.md section 5). */
    public Rate monthlyRate() {
        return Rate.of(churned, n);
    }
}
