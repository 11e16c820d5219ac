package io.tandem.metrics.indicators;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The Wilson score interval of a proportion (metrics.md section 7: a 95% interval for each rate). Unlike
 * the normal approximation it stays within 0..1 and behaves for small n and for 0 or n successes.
 *
 * @param low  lower bound, 0..1
 * @param high upper bound, 0..1
 */
public record WilsonInterval(BigDecimal low, BigDecimal high) {

    /** The two-sided 95% normal quantile. */
    public static final double Z_95 = 1.959963984540054;

    private static final MathContext PRECISION = new MathContext(12);

    /** The 95% interval of {@code successes} out of {@code n}; null when n = 0. */
    public static WilsonInterval of95(long successes, long n) {
        return of(successes, n, Z_95);
    }

    public static WilsonInterval of(long successes, long n, double z) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return null;
        }
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new WilsonInterval(decimal(Math.max(0, centre - halfWidth)), decimal(Math.min(1, centre + halfWidth)));
    }

    private static BigDecimal decimal(double value) {
        return new BigDecimal(value, PRECISION).stripTrailingZeros();
    }
}
