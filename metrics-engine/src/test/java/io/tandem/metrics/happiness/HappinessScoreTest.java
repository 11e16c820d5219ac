package io.tandem.metrics.happiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HappinessScoreTest {

    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");

    @Test
    void intervalCombinesTheWilsonIntervalsOfGreatAndNotGood() {
        // 8 great, 0 ok, 2 not good: score (8 - 2) / 10 = 60 points.
        // Published 95% Wilson intervals: 8 of 10 [0.4902, 0.9433], 2 of 10 [0.0567, 0.5098].
        // low = 100 x (0.4902 - 0.5098) = -1.97; high = 100 x (0.9433 - 0.0567) = 88.66
        HappinessScore score = HappinessScore.of(8, 0, 2);

        assertThat(score.score()).isEqualByComparingTo("60");
        assertThat(score.n()).isEqualTo(10);
        assertThat(score.low()).isCloseTo(new BigDecimal("-1.97"), within(HUNDREDTH));
        assertThat(score.high()).isCloseTo(new BigDecimal("88.66"), within(HUNDREDTH));
        assertThat(score.lowSample()).isTrue();
    }

    @Test
    void allGreatReachesAHundredAndThirtyRatingsAreNoLongerLowSample() {
        // 30 of 30 great: score 100; great [0.8865, 1], not good [0, 0.1135]: interval [77.3, 100]
        HappinessScore score = HappinessScore.of(30, 0, 0);

        assertThat(score.score()).isEqualByComparingTo("100");
        assertThat(score.high()).isCloseTo(new BigDecimal("100"), within(HUNDREDTH));
        assertThat(score.low()).isCloseTo(new BigDecimal("77.30"), within(HUNDREDTH));
        assertThat(score.lowSample()).isFalse();
    }

    @Test
    void noRatingsHaveNoScore() {
        HappinessScore score = HappinessScore.of(0, 0, 0);

        assertThat(score.score()).isNull();
        assertThat(score.low()).isNull();
        assertThat(score.high()).isNull();
        assertThat(score.n()).isZero();
    }
}
