package io.tandem.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void theDefaultIsTheLastFullCalendarMonth() {
        assertThat(Period.lastFullMonth(LocalDate.of(2026, 3, 1)))
                .isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void aMonthIsPrecededByTheSixCalendarMonthsBeforeIt() {
        // October 2024 (31 days): Apr, May, Jun, Jul, Aug, Sep - not 31-day blocks
        var earlier = new Period(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31)).previousSix();
        assertThat(earlier).first().isEqualTo(new Period(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30)));
        assertThat(earlier).last().isEqualTo(new Period(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30)));
        assertThat(earlier.get(4)).isEqualTo(new Period(LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 31)));
    }

    @Test
    void aQuarterIsPrecededByQuarters() {
        var earlier = new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)).previousSix();
        assertThat(earlier).last().isEqualTo(new Period(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)));
        assertThat(earlier).first().isEqualTo(new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31)));
    }

    @Test
    void anyOtherRangeStepsBackByItsLengthInDays() {
        // 10 days, 11-20 March 2024; stepping back 10 days at a time: 1-10 Mar, 20-29 Feb (a leap
        // year), 10-19 Feb, 31 Jan-9 Feb, 21-30 Jan, 11-20 Jan
        var earlier = new Period(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 20)).previousSix();
        assertThat(earlier).last().isEqualTo(new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 10)));
        assertThat(earlier).first().isEqualTo(new Period(LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 20)));
    }

    @Test
    void nextIsTheSameLengthAfter() {
        assertThat(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)).next())
                .isEqualTo(new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(new Period(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 20)).next())
                .isEqualTo(new Period(LocalDate.of(2024, 3, 21), LocalDate.of(2024, 3, 30)));
    }

    @Test
    void toBeforeFromIsRefused() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2024, 2, 2), LocalDate.of(2024, 2, 1)))
                .hasMessageContaining("is before");
    }
}
