package io.tandem.metrics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadingIndicatorsQueryIT {

    /** Two years of history; the anchor account Z's single revenue row makes December 2024 the horizon. */
    private static final MetricFilter ALL = MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));

    private static MetricsDataset withHorizonDecember2024() {
        return MetricsDataset.fresh()
                .account("Z", "2024-12-01T00:00:00Z", null, 1, null)
                .revenue("Z", "2024-12", "1");
    }

    /** A flat account (no revenue rows) with one customer named after it. */
    private static void flat(MetricsDataset data, String account, String signedUp, String churned) {
        data.account(account, signedUp, churned, 2, "100").customer("c-" + account, account);
    }

    @Test
    void badExperienceComparesNotGoodWithOnlyGreatRatingsThreeAndTwelveMonthsLater() {
        MetricsDataset data = withHorizonDecember2024();
        flat(data, "P1", "2023-01-01T00:00:00Z", "2023-05-10T00:00:00Z"); // active Jan-Apr 2023
        flat(data, "P2", "2023-01-01T00:00:00Z", null);
        flat(data, "G1", "2023-01-01T00:00:00Z", null);
        flat(data, "G2", "2023-01-01T00:00:00Z", "2024-01-15T00:00:00Z"); // active Jan-Dec 2023
        flat(data, "O1", "2023-01-01T00:00:00Z", null);
        flat(data, "X1", "2023-06-01T00:00:00Z", null);
        data.ticket("p1", "c-P1", "2023-02-10T00:00:00Z").rating("p1", "not_good", "2023-02-11T00:00:00Z")
                // P2: one not_good and one great in February: in the cohort
                .ticket("p2a", "c-P2", "2023-02-10T00:00:00Z").rating("p2a", "not_good", "2023-02-11T00:00:00Z")
                .ticket("p2b", "c-P2", "2023-02-12T00:00:00Z").rating("p2b", "great", "2023-02-13T00:00:00Z")
                // P2 again in November 2024: m + 3 is after the horizon, left out
                .ticket("p2c", "c-P2", "2024-11-10T00:00:00Z").rating("p2c", "not_good", "2024-11-11T00:00:00Z")
                .ticket("g1", "c-G1", "2023-02-10T00:00:00Z").rating("g1", "great", "2023-02-11T00:00:00Z")
                .ticket("g2", "c-G2", "2023-03-10T00:00:00Z").rating("g2", "great", "2023-03-11T00:00:00Z")
                // only "ok": in neither group
                .ticket("o1", "c-O1", "2023-02-10T00:00:00Z").rating("o1", "ok", "2023-02-11T00:00:00Z")
                // not active in March 2023 (signs up in June): in neither group
                .ticket("x1", "c-X1", "2023-03-10T00:00:00Z").rating("x1", "not_good", "2023-03-11T00:00:00Z");

        List<Indicator> indicators = new LeadingIndicatorsQuery(data.jdbc()).fetch(ALL).indicators();

        assertThat(indicators).extracting(Indicator::name, Indicator::horizon).containsExactly(
                tuple(IndicatorName.BAD_EXPERIENCE, 3),
                tuple(IndicatorName.BAD_EXPERIENCE, 12),
                tuple(IndicatorName.EARLY_CONTACT, 6),
                tuple(IndicatorName.EARLY_CONTACT, 12),
                tuple(IndicatorName.SLOW_FIRST_REPLY, 12));
        // +3 months: cohort P1 (Feb -> May 2023: churned), P2 (active) = 1 / 2;
        //            control G1 (Feb -> May: active), G2 (Mar -> Jun: active) = 2 / 2
        assertGroup(indicators.get(0).cohort(), 2, 1);
        assertGroup(indicators.get(0).control(), 2, 2);
        // +12 months: cohort P1 (Feb 2024: gone), P2 (active) = 1 / 2;
        //             control G1 (active), G2 (Mar 2024: gone) = 1 / 2
        assertGroup(indicators.get(1).cohort(), 2, 1);
        assertGroup(indicators.get(1).control(), 2, 1);
    }

    @Test
    void earlyContactComparesAccountsWithATicketInTheirFirstNinetyDays() {
        MetricsDataset data = withHorizonDecember2024();
        flat(data, "E1", "2023-01-10T00:00:00Z", null);
        flat(data, "E2", "2023-01-10T00:00:00Z", "2023-09-01T00:00:00Z"); // active Jan-Aug 2023
        flat(data, "N1", "2023-01-10T00:00:00Z", "2023-05-01T00:00:00Z"); // active Jan-Apr 2023
        flat(data, "N2", "2023-01-10T00:00:00Z", null);
        flat(data, "N3", "2024-03-01T00:00:00Z", null);                   // age 12 would be March 2025
        data.ticket("e1", "c-E1", "2023-02-15T00:00:00Z")  // 36 days after sign-up
                .ticket("e2", "c-E2", "2023-04-09T23:00:00Z") // 89 days after sign-up
                .ticket("n2", "c-N2", "2023-04-10T00:00:00Z"); // exactly 90 days: no longer early

        List<Indicator> indicators = new LeadingIndicatorsQuery(data.jdbc()).fetch(ALL).indicators();

        // age 6 (July 2023 for the January cohort, September 2024 for N3; Z is too young):
        //   cohort E1 (active), E2 (active) = 2 / 2; control N1 (gone), N2 (active), N3 (active) = 2 / 3
        Indicator six = indicators.get(2);
        assertGroup(six.cohort(), 2, 2);
        assertGroup(six.control(), 3, 2);
        // age 12 (January 2024; N3 not old enough): cohort E1 yes, E2 no = 1 / 2; control N1 no, N2 yes = 1 / 2
        Indicator twelve = indicators.get(3);
        assertGroup(twelve.cohort(), 2, 1);
        assertGroup(twelve.control(), 2, 1);
    }

    @Test
    void slowFirstReplyComparesFirstTicketsAboveTheP90WithThoseUnderTheMedian() {
        MetricsDataset data = withHorizonDecember2024();
        flat(data, "F1", "2023-01-05T00:00:00Z", null);
        flat(data, "F2", "2023-01-05T00:00:00Z", "2023-06-01T00:00:00Z");
        flat(data, "F3", "2023-01-05T00:00:00Z", null);
        flat(data, "F4", "2023-01-05T00:00:00Z", null);
        flat(data, "F5", "2023-01-05T00:00:00Z", "2023-10-01T00:00:00Z");
        flat(data, "F6", "2023-01-05T00:00:00Z", null);
        flat(data, "F7", "2023-01-05T00:00:00Z", null);
        data.ticket("f1", "c-F1", "2023-02-01T09:00:00Z", null, "2023-02-01T10:00:00Z")   // 1 h
                .ticket("f2", "c-F2", "2023-02-01T09:00:00Z", null, "2023-02-01T11:00:00Z") // 2 h
                .ticket("f3", "c-F3", "2023-02-01T09:00:00Z", null, "2023-02-01T12:00:00Z") // 3 h
                .ticket("f4", "c-F4", "2023-02-01T09:00:00Z", null, "2023-02-01T13:00:00Z") // 4 h
                .ticket("f5", "c-F5", "2023-02-01T09:00:00Z", null, "2023-02-01T19:00:00Z") // 10 h
                .ticket("f6", "c-F6", "2023-02-01T09:00:00Z", null, null)                   // never answered
                // 30 min, but the first ticket comes after age 12 (January 2024)
                .ticket("f7", "c-F7", "2024-03-01T09:00:00Z", null, "2024-03-01T09:30:00Z")
                // F1's second ticket (20 h) counts in the team's percentiles, not as a first ticket
                .ticket("f1b", "c-F1", "2023-03-01T09:00:00Z", null, "2023-03-02T05:00:00Z");

        Indicator slow = new LeadingIndicatorsQuery(data.jdbc()).fetch(ALL).indicators().get(4);

        // answered tickets in the range, hours: 0.5, 1, 2, 3, 4, 10, 20 (7 of them)
        //   median = 4th = 3 h; p90 at rank 0.9 x 6 = 5.4: 10 + 0.4 x (20 - 10) = 14 h
        // first tickets: F5 10 h is not above 14 h; nobody is slow, so the cohort is empty (no value)
        // control (under 3 h, opened before age 12): F1 1 h (active in January 2024), F2 2 h (gone) = 1 / 2
        assertGroup(slow.cohort(), 0, 0);
        assertThat(slow.cohort().rate()).isNull();
        assertThat(slow.cohort().low()).isNull();
        assertGroup(slow.control(), 2, 1);
    }

    @Test
    void slowFirstReplyCohortHoldsFirstTicketsAboveTheP90() {
        MetricsDataset data = withHorizonDecember2024();
        flat(data, "F1", "2023-01-05T00:00:00Z", null);
        flat(data, "F2", "2023-01-05T00:00:00Z", "2023-06-01T00:00:00Z");
        flat(data, "F3", "2023-01-05T00:00:00Z", null);
        flat(data, "F4", "2023-01-05T00:00:00Z", null);
        flat(data, "F5", "2023-01-05T00:00:00Z", "2023-10-01T00:00:00Z");
        flat(data, "F7", "2023-01-05T00:00:00Z", null);
        data.ticket("f1", "c-F1", "2023-02-01T09:00:00Z", null, "2023-02-01T10:00:00Z")   // 1 h
                .ticket("f2", "c-F2", "2023-02-01T09:00:00Z", null, "2023-02-01T11:00:00Z") // 2 h
                .ticket("f3", "c-F3", "2023-02-01T09:00:00Z", null, "2023-02-01T12:00:00Z") // 3 h
                .ticket("f4", "c-F4", "2023-02-01T09:00:00Z", null, "2023-02-01T13:00:00Z") // 4 h
                .ticket("f5", "c-F5", "2023-02-01T09:00:00Z", null, "2023-02-01T19:00:00Z") // 10 h
                .ticket("f7", "c-F7", "2024-03-01T09:00:00Z", null, "2024-03-01T09:30:00Z"); // 0.5 h, too late

        Indicator slow = new LeadingIndicatorsQuery(data.jdbc()).fetch(ALL).indicators().get(4);

        // hours 0.5, 1, 2, 3, 4, 10: median (2 + 3) / 2 = 2.5 h; p90 at rank 4.5: 4 + 0.5 x (10 - 4) = 7 h
        // cohort: F5 10 h, gone by January 2024 = 0 / 1 (Wilson [0, 0.793])
        // control: F1 1 h (active), F2 2 h (gone) = 1 / 2; F3, F4 between median and p90; F7 too late
        assertGroup(slow.cohort(), 1, 0);
        assertThat(slow.cohort().low()).isEqualByComparingTo("0");
        assertThat(slow.cohort().high()).isCloseTo(new BigDecimal("0.7935"), within(new BigDecimal("0.0001")));
        assertGroup(slow.control(), 2, 1);
    }

    @Test
    void segmentFilterSelectsTheAccountsObserved() {
        MetricsDataset data = withHorizonDecember2024();
        flat(data, "E1", "2023-01-10T00:00:00Z", null);
        data.account("BIG", "2023-01-10T00:00:00Z", null, 50, "100").customer("c-BIG", "BIG");
        data.ticket("e1", "c-E1", "2023-02-15T00:00:00Z");

        List<Indicator> indicators = new LeadingIndicatorsQuery(data.jdbc()).fetch(ALL.withSegment("11+")).indicators();

        // only BIG (50 seats): no early ticket, control 1 / 1 at age 6; E1 (2 seats) is outside the segment
        assertGroup(indicators.get(2).cohort(), 0, 0);
        assertGroup(indicators.get(2).control(), 1, 1);
    }

    private static void assertGroup(GroupRate group, long n, long retained) {
        assertThat(group.n()).as("n").isEqualTo(n);
        assertThat(group.retained()).as("retained").isEqualTo(retained);
        if (n > 0) {
            assertThat(group.rate()).isEqualByComparingTo(BigDecimal.valueOf(retained).divide(BigDecimal.valueOf(n),
                    MathContext.DECIMAL64));
            assertThat(group.low()).isLessThanOrEqualTo(group.rate());
            assertThat(group.high()).isGreaterThanOrEqualTo(group.rate());
        }
    }
}
