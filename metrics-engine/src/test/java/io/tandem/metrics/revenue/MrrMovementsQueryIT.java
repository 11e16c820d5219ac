package io.tandem.metrics.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MrrMovementsQueryIT {

    private static final LocalDate FEB = LocalDate.of(2024, 2, 1);
    private static final LocalDate END_JULY = LocalDate.of(2024, 7, 31);

    /*
     * Horizon June 2024 (last month with revenue rows).
     *   A (5 seats, rep n1 team north): Jan 100, Feb 150, Mar-Jun 120   expansion then contraction
     *   B (2 seats, rep s1 team south): Jan 50, Feb 50, no Mar row, Apr-May 60, no Jun row
     *                                   churns, reactivates, churns again; mrr column 999 is ignored
     *   C (no seats, no owner):         no revenue rows, flat 40 from Feb (signed 10 Feb) to April
     *                                   (churned 5 May)
     *   D (12 seats, rep n1):           new in Mar 30, 30 to Jun
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .rep("n1", "north", "sales", "100000", false)
                .rep("s1", "south", "sales", "100000", false)
                .account("A", "2024-01-05T00:00:00Z", null, 5, null)
                .revenue("A", "2024-01", "100", "2024-02", "150", "2024-03", "120", "2024-04", "120",
                        "2024-05", "120", "2024-06", "120")
                .account("B", "2024-01-05T00:00:00Z", null, 2, "999")
                .revenue("B", "2024-01", "50", "2024-02", "50", "2024-04", "60", "2024-05", "60")
                .account("C", "2024-02-10T00:00:00Z", "2024-05-05T00:00:00Z", null, "40")
                .account("D", "2024-03-01T00:00:00Z", null, 12, null)
                .revenue("D", "2024-03", "30", "2024-04", "30", "2024-05", "30", "2024-06", "30")
                .owner("n1", "A", "D")
                .owner("s1", "B");
    }

    @Test
    void movementsSplitEveryChangeAndAddUpToTheChangeInMrr() {
        MetricsDataset data = dataset();

        MrrMovements result = new MrrMovementsQuery(data.jdbc()).fetch(MetricFilter.of(FEB, END_JULY));

        assertThat(result.currency()).isEqualTo("USD");
        // July is after the horizon: absent, not a month of zeros
        assertThat(result.months()).extracting(MovementMonth::month).containsExactly(
                YearMonth.of(2024, 2), YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5),
                YearMonth.of(2024, 6));
        // Jan MRR = A 100 + B 50 = 150
        // Feb: A 150 + B 50 + C 40 = 240; new C +40, expansion A +50; net 90 = 240 - 150
        assertMonth(result.months().get(0), "240", "40", "50", "0", "0", "0", "90");
        // Mar: A 120 + B 0 + C 40 + D 30 = 190; new D +30, contraction A -30, churn B -50;
        // net -50 = 190 - 240
        assertMonth(result.months().get(1), "190", "30", "0", "-30", "-50", "0", "-50");
        // Apr: A 120 + B 60 + C 40 + D 30 = 250; reactivation B +60; net 60 = 250 - 190
        assertMonth(result.months().get(2), "250", "0", "0", "0", "0", "60", "60");
        // May: C's flat MRR ends (churned in May): churn -40; 120 + 60 + 30 = 210; net -40
        assertMonth(result.months().get(3), "210", "0", "0", "0", "-40", "0", "-40");
        // Jun: B has no row: churn -60; 120 + 30 = 150; net -60
        assertMonth(result.months().get(4), "150", "0", "0", "0", "-60", "0", "-60");
    }

    @Test
    void monthsWithoutAccountsHaveZeroMrrAndTheFirstMonthIsAllNew() {
        MetricsDataset data = dataset();

        MrrMovements result = new MrrMovementsQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 31)));

        // Dec 2023: no account exists yet; Jan: A 100 + B 50 are both new, net 150 = 150 - 0
        assertMonth(result.months().get(0), "0", "0", "0", "0", "0", "0", "0");
        assertMonth(result.months().get(1), "150", "150", "0", "0", "0", "0", "150");
    }

    @Test
    void teamFilterKeepsAccountsOwnedByTheTeamsReps() {
        MetricsDataset data = dataset();

        MrrMovements result = new MrrMovementsQuery(data.jdbc())
                .fetch(MetricFilter.of(FEB, END_JULY).withTeam("north"));

        // north owns A and D; C has no owner and appears only without a team filter
        // Feb: A 150, expansion +50 (Jan 100); net 50
        assertMonth(result.months().get(0), "150", "0", "50", "0", "0", "0", "50");
        // Mar: A 120 + D 30 = 150; new +30, contraction -30; net 0
        assertMonth(result.months().get(1), "150", "30", "0", "-30", "0", "0", "0");
    }

    @Test
    void segmentFilterUsesSeatsAndKeepsUnknownApart() {
        MetricsDataset data = dataset();
        MrrMovementsQuery query = new MrrMovementsQuery(data.jdbc());

        // 1-3 holds B only (2 seats): Mar churn -50, Apr reactivation +60, Jun churn -60
        MrrMovements small = query.fetch(MetricFilter.of(FEB, END_JULY).withSegment("1-3"));
        assertMonth(small.months().get(1), "0", "0", "0", "0", "-50", "0", "-50");
        assertMonth(small.months().get(2), "60", "0", "0", "0", "0", "60", "60");
        assertMonth(small.months().get(4), "0", "0", "0", "0", "-60", "0", "-60");

        // unknown holds C only (no seats), never folded into 1-3: Feb new 40, May churn -40
        MrrMovements unknown = query.fetch(MetricFilter.of(FEB, END_JULY).withSegment("unknown"));
        assertMonth(unknown.months().get(0), "40", "40", "0", "0", "0", "0", "40");
        assertMonth(unknown.months().get(3), "0", "0", "0", "0", "-40", "0", "-40");
    }

    @Test
    void segmentBoundsComeFromSettings() {
        MetricsDataset data = dataset().segmentBounds(5, 20);

        // with 1-5 / 6-20 / 21+, A (5 seats) and B (2 seats) are small; Feb: 150 + 50 = 200
        MrrMovements small = new MrrMovementsQuery(data.jdbc()).fetch(MetricFilter.of(FEB, FEB).withSegment("1-5"));

        assertThat(small.months()).singleElement().satisfies(m -> assertThat(m.mrr()).isEqualByComparingTo("200"));
    }

    private static void assertMonth(MovementMonth m, String mrr, String newMrr, String expansion, String contraction,
            String churn, String reactivation, String netNew) {
        assertThat(m.mrr()).as("mrr %s", m.month()).isEqualByComparingTo(new BigDecimal(mrr));
        assertThat(m.newMrr()).as("new %s", m.month()).isEqualByComparingTo(new BigDecimal(newMrr));
        assertThat(m.expansion()).as("expansion %s", m.month()).isEqualByComparingTo(new BigDecimal(expansion));
        assertThat(m.contraction()).as("contraction %s", m.month()).isEqualByComparingTo(new BigDecimal(contraction));
        assertThat(m.churn()).as("churn %s", m.month()).isEqualByComparingTo(new BigDecimal(churn));
        assertThat(m.reactivation()).as("reactivation %s", m.month()).isEqualByComparingTo(new BigDecimal(reactivation));
        assertThat(m.netNew()).as("net new %s", m.month()).isEqualByComparingTo(new BigDecimal(netNew));
    }
}
