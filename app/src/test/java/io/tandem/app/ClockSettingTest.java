package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** tandem.clock.today: the clock starts at that day's midnight UTC and runs on; a bad value stops the start. */
class ClockSettingTest {

    private final Clock system = Clock.fixed(Instant.parse("2026-12-01T21:30:00Z"), ZoneOffset.UTC);

    @Test
    void withoutADayTheSystemClockIsUsed() {
        assertThat(TandemApplication.clockStartingOn("", system)).isSameAs(system);
        assertThat(TandemApplication.clockStartingOn(null, system)).isSameAs(system);
    }

    @Test
    void aDayMovesTheClockToItsMidnight() {
        Clock clock = TandemApplication.clockStartingOn(" 2026-06-30 ", system);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void anImpossibleOrMalformedDayIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"2026-02-30", "30/06/2026", "yesterday", "+99999-01-01"}) {
            assertThatThrownBy(() -> TandemApplication.clockStartingOn(bad, system)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tandem.clock.today must be a date like 2026-11-24 in the years 1900 to 2999, not");
        }
    }
}
