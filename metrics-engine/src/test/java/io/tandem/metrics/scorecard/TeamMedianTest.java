package io.tandem.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamMedianTest {

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    @Test
    void anOddCountTakesTheMiddleValue() {
        // sorted 3, 7, 40: the middle is 7
        assertThat(TeamMedian.of(values("40", "3", "7"))).isEqualByComparingTo("7");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheTwoMiddleValues() {
        // sorted 3, 7, 10, 40: (7 + 10) / 2 = 8.5
        assertThat(TeamMedian.of(values("10", "40", "3", "7"))).isEqualByComparingTo("8.5");
    }

    @Test
    void repsWithoutAValueAreLeftOutAndNoValuesMeanNoMedian() {
        assertThat(TeamMedian.of(values("5", null, "9"))).isEqualByComparingTo("7");
        assertThat(TeamMedian.of(values((String) null))).isNull();
        assertThat(TeamMedian.of(List.of())).isNull();
    }
}
