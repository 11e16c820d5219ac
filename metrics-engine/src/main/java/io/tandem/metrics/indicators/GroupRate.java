package io.tandem.metrics.indicators;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The share of a group that is still active at the horizon, with its 95% Wilson interval
 * (metrics.md section 7).
 *
 * @param n         observations in the group
 * @param retained  of those, still active at the horizon
 * @param rate      retained / n to 16 digits, without trailing zeros; null when n = 0
 * @param low       lower bound of the 95% interval; null when n = 0
 * @param high      upper bound of the 95% interval; null when n = 0
 * @param lowSample n &lt; {@value Rate#LOW_SAMPLE_BELOW} (section 0)
 */
public record GroupRate(long n, long retained, BigDecimal rate, BigDecimal low, BigDecimal high, boolean lowSample) {

    public static GroupRate of(long retained, long n) {
        WilsonInterval interval = WilsonInterval.of95(retained, n);
        BigDecimal rate = n == 0 ? null
                : BigDecimal.valueOf(retained).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64).stripTrailingZeros();
        return new GroupRate(n, retained, rate,
                interval == null ? null : interval.low(),
                interval == null ? null : interval.high(),
                n < Rate.LOW_SAMPLE_BELOW);
    }
}
