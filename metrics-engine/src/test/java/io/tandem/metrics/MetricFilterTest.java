package io.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricFilterTest {

    @Test
    void toBeforeFromIsRejectedWithAMessageNamingBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetricFilter.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1)))
                .withMessageContaining("`to`").withMessageContaining("`from`");
    }

    @Test
    void teamAndSegmentAreOptional() {
        MetricFilter filter = MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1))
                .withTeam("north").withSegment("1-3");

        assertThat(filter.team()).isEqualTo("north");
        assertThat(filter.segment()).isEqualTo("1-3");
    }
}
