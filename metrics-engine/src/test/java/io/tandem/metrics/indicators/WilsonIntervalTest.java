package io.tandem.metrics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    private static final BigDecimal THOUSANDTH = new BigDecimal("0.0005");

    @Test
    void eightOfTenMatchesThePublishedInterval() {
        // z = 1.96, z^2 = 3.8415, z^2/n = 0.38415; centre = (0.8 + 0.19207) / 1.38415 = 0.7168;
        // half width = 1.96 x sqrt(0.016 + 0.0096) / 1.38415 = 0.2266: [0.490, 0.943]
        WilsonInterval interval = WilsonInterval.of95(8, 10);

        assertThat(interval.low()).isCloseTo(new BigDecimal("0.490"), within(THOUSANDTH));
        assertThat(interval.high()).isCloseTo(new BigDecimal("0.943"), within(THOUSANDTH));
    }

    @Test
    void oneOfTwoIsSymmetricAroundAHalf() {
        // centre (0.5 + 0.96) / 2.92 = 0.5; half = 1.96 x sqrt(0.125 + 0.2401) / 2.9207 = 0.4055
        WilsonInterval interval = WilsonInterval.of95(1, 2);

        assertThat(interval.low()).isCloseTo(new BigDecimal("0.0945"), within(new BigDecimal("0.0001")));
        assertThat(interval.high()).isCloseTo(new BigDecimal("0.9055"), within(new BigDecimal("0.0001")));
    }

    @Test
    void noneAndAllStayInsideZeroToOne() {
        // 0 of 10: [0, z^2/n / (1 + z^2/n)] = [0, 0.38415 / 1.38415] = [0, 0.2775]
        WilsonInterval none = WilsonInterval.of95(0, 10);
        assertThat(none.low()).isEqualByComparingTo("0");
        assertThat(none.high()).isCloseTo(new BigDecimal("0.2775"), within(new BigDecimal("0.0001")));
        // 10 of 10 mirrors it: [0.7225, 1]
        WilsonInterval all = WilsonInterval.of95(10, 10);
        assertThat(all.low()).isCloseTo(new BigDecimal("0.7225"), within(new BigDecimal("0.0001")));
        assertThat(all.high()).isEqualByComparingTo("1");
    }

    @Test
    void noObservationsHaveNoInterval() {
        assertThat(WilsonInterval.of95(0, 0)).isNull();
    }

    @Test
    void moreSuccessesThanObservationsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> WilsonInterval.of95(3, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> WilsonInterval.of95(-1, 2));
    }

    @Test
    void groupRateCarriesRateIntervalAndLowSample() {
        GroupRate rate = GroupRate.of(8, 10);

        assertThat(rate.rate()).isEqualByComparingTo("0.8");
        assertThat(rate.low()).isCloseTo(new BigDecimal("0.490"), within(THOUSANDTH));
        assertThat(rate.lowSample()).isTrue();
        GroupRate empty = GroupRate.of(0, 0);
        assertThat(empty.rate()).isNull();
        assertThat(empty.low()).isNull();
        assertThat(empty.high()).isNull();
    }
}
