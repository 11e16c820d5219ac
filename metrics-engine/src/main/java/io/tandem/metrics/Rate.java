package io.tandem.metrics;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A fraction 0..1 with the number of events behind it (metrics.md section 0): a rate over fewer
 * than {@value #LOW_SAMPLE_BELOW} events is "low sample" and is never ranked or coloured. With no
 * events at all the value is absent (null), never 0.
 */
public record Rate(BigDecimal value, long numerator, long n, boolean lowSample) {

    public static final int LOW_SAMPLE_BELOW = 30;

    public static Rate of(long numerator, long n) {
        BigDecimal value = n == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
        return new Rate(value, numerator, n, n < LOW_SAMPLE_BELOW);
    }

    public boolean hasValue() {
        return value != null;
    }
}
