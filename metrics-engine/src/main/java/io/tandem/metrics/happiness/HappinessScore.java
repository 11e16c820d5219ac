package io.tandem.metrics.happiness;

import io.tandem.metrics.Rate;
import io.tandem.metrics.indicators.WilsonInterval;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A happiness score with its 95% interval (metrics.md section 3): % great - % not good over n ratings, in
 * points -100..100.
 *
 * <p>The interval combines the 95% Wilson intervals of the two shares: from (great low - not good high) to
 * (great high - not good low), times 100. It is conservative (wider than a joint 95% interval, since both
 * shares rarely sit at their far ends together) but stays inside -100..100, behaves at small n and at 0%
 * or 100%, and reuses the interval the leading indicators show.
 *
 * @param score     points; absent when n = 0
 * @param n         ratings
 * @param great     ratings {@code great}
 * @param ok        ratings {@code ok}
 * @param notGood   ratings {@code not_good}
 * @param low       lower bound of the 95% interval, points; absent when n = 0
 * @param high      upper bound, points; absent when n = 0
 * @param lowSample n &lt; {@value Rate#LOW_SAMPLE_BELOW}: never ranked or coloured (section 0)
 */
public record HappinessScore(BigDecimal score, long n, long great, long ok, long notGood,
                             BigDecimal low, BigDecimal high, boolean lowSample) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static HappinessScore of(long great, long ok, long notGood) {
        long n = great + ok + notGood;
        if (n == 0) {
            return new HappinessScore(null, 0, 0, 0, 0, null, null, true);
        }
        BigDecimal score = HUNDRED.multiply(BigDecimal.valueOf(great - notGood))
                .divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
        WilsonInterval greatShare = WilsonInterval.of95(great, n);
        WilsonInterval notGoodShare = WilsonInterval.of95(notGood, n);
        return new HappinessScore(score, n, great, ok, notGood,
                HUNDRED.multiply(greatShare.low().subtract(notGoodShare.high())),
                HUNDRED.multiply(greatShare.high().subtract(notGoodShare.low())),
                n < Rate.LOW_SAMPLE_BELOW);
    }
}
