package io.tandem.metrics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupRateTest {

    @Test
    void rateIsSixteenDigitsWithoutTrailingZeros() {
        // 379 / 554 = 0.68411552346570397...; to 16 digits 0.6841155234657040, written without its last 0
        assertThat(GroupRate.of(379, 554).rate().toPlainString()).isEqualTo("0.684115523465704");
        // 30 / 60 is exactly a half; 60 / 60 is 1, not 1.000...
        assertThat(GroupRate.of(30, 60).rate().toPlainString()).isEqualTo("0.5");
        assertThat(GroupRate.of(60, 60).rate().toPlainString()).isEqualTo("1");
    }

    @Test
    void intervalBoundsCarryNoPaddingZeros() {
        // 10 of 10: the upper bound is exactly 1, the API writes "1"
        assertThat(GroupRate.of(10, 10).high().toPlainString()).isEqualTo("1");
        assertThat(GroupRate.of(0, 10).low().toPlainString()).isEqualTo("0");
    }

    @Test
    void anEmptyGroupHasNoRate() {
        GroupRate empty = GroupRate.of(0, 0);
        assertThat(empty.rate()).isNull();
        assertThat(empty.low()).isNull();
        assertThat(empty.lowSample()).isTrue();
    }
}
