package io.tandem.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class LogoChurnQueryIT {

    /*
     * Horizon June 2024.
     *   A (rep n1, north): 100 every month Jan-Jun
     *   B (rep s1, south): Jan, Feb, no Mar row (churn), Apr, May (reactivated), no Jun row (churn)
     *   C (no owner):      flat 40, signed 10 Feb, churned 15 Apr: active Feb and Mar, churns in April
     *   D (rep n1, north): Mar-Jun 20
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .rep("n1", "north", "success", null, false)
                .rep("s1", "south", "success", null, false)
                .account("A", "2024-01-01T00:00:00Z", null, 5, null)
                .revenueEach("A", "2024-01", "2024-06", "100")
                .account("B", "2024-01-01T00:00:00Z", null, 5, null)
                .revenue("B", "2024-01", "50", "2024-02", "50", "2024-04", "50", "2024-05", "50")
                .account("C", "2024-02-10T00:00:00Z", "2024-04-15T00:00:00Z", 5, "40")
                .account("D", "2024-03-01T00:00:00Z", null, 5, null)
                .revenueEach("D", "2024-03", "2024-06", "20")
                .owner("n1", "A", "D")
                .owner("s1", "B");
    }

    @Test
    void churnIsChurnedInTheMonthOverActiveTheMonthBefore() {
        MetricsDataset data = dataset();

        LogoChurn churn = new LogoChurnQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 6, 30)));

        assertThat(churn.months()).extracting(ChurnMonth::month)
                .containsExactly(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 2),
                        YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5), YearMonth.of(2024, 6));
        // Dec and Jan: nobody active the month before: 0 / 0 has no value, it is not 0%
        assertThat(churn.months().get(0).rate().hasValue()).isFalse();
        assertThat(churn.months().get(1).activeAtStart()).isZero();
        assertThat(churn.months().get(1).rate().hasValue()).isFalse();
        // Feb: active in Jan A, B = 2; nobody churned: 0 / 2 is a real 0
        assertMonth(churn.months().get(2), 2, 0);
        assertThat(churn.months().get(2).rate().value()).isEqualByComparingTo("0");
        // Mar: active in Feb A, B, C = 3; B has no March row: 1 / 3
        assertMonth(churn.months().get(3), 3, 1);
        assertThat(churn.months().get(3).rate().value()).isCloseTo(new BigDecimal("0.333333"), within(new BigDecimal("0.000001")));
        // Apr: active in Mar A, C, D = 3; C's flat MRR stops (churned in April): 1 / 3; B's return is no churn
        assertMonth(churn.months().get(4), 3, 1);
        // May: active in Apr A, B, D = 3; none churned
        assertMonth(churn.months().get(5), 3, 0);
        // Jun: active in May A, B, D = 3; B has no June row: 1 / 3, low sample
        assertMonth(churn.months().get(6), 3, 1);
        assertThat(churn.months().get(6).rate().lowSample()).isTrue();
    }

    @Test
    void trailingTwelveMonthsIsChurnedOverTheAverageActiveAtTheStartOfEachMonth() {
        MetricsDataset data = dataset();

        LogoChurn churn = new LogoChurnQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30)));

        // at June, the 12 months Jul 2023 - Jun 2024: churned 0+..+0 (Jul-Feb) + 1 (Mar) + 1 (Apr) + 0 + 1 = 3;
        // active at start 0 x 7 (Jul-Jan) + 2 (Feb) + 3 + 3 + 3 + 3 = 14; average 14 / 12;
        // rate 3 / (14 / 12) = 36 / 14 = 2.571428...; monthly 3 / 14
        Trailing12Churn t12 = churn.trailing12Rate();
        assertThat(t12.churned()).isEqualTo(3);
        assertThat(t12.n()).isEqualTo(14);
        assertThat(t12.averageActiveAtStart()).isCloseTo(new BigDecimal("1.166667"), within(new BigDecimal("0.000001")));
        assertThat(t12.value()).isCloseTo(new BigDecimal("2.571429"), within(new BigDecimal("0.000001")));
        assertThat(t12.monthlyRate().value()).isCloseTo(new BigDecimal("0.214286"), within(new BigDecimal("0.000001")));
        assertThat(t12.lowSample()).isTrue();
        // the window of March reaches back before the range: Apr 2023 - Mar 2024: churned 1 (Mar);
        // active 2 (Feb) + 3 (Mar) = 5; 1 / (5 / 12) = 2.4
        Trailing12Churn march = churn.months().get(0).trailing12Rate();
        assertThat(march.churned()).isEqualTo(1);
        assertThat(march.n()).isEqualTo(5);
        assertThat(march.value()).isEqualByComparingTo("2.4");
    }

    @Test
    void teamFilterCountsOnlyTheTeamsAccounts() {
        MetricsDataset data = dataset();

        LogoChurn south = new LogoChurnQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 6, 30)).withTeam("south"));

        // south owns B only: Feb 0/1, Mar 1/1, Apr 0/0 (B inactive in March: no value), May 0/1, Jun 1/1
        assertMonth(south.months().get(0), 1, 0);
        assertMonth(south.months().get(1), 1, 1);
        assertMonth(south.months().get(2), 0, 0);
        assertThat(south.months().get(2).rate().hasValue()).isFalse();
        assertMonth(south.months().get(3), 1, 0);
        assertMonth(south.months().get(4), 1, 1);
        // trailing at June: churned 2; active at start 1 (Feb) + 1 + 0 + 1 + 1 = 4; 2 / (4 / 12) = 6
        assertThat(south.trailing12Rate().value()).isEqualByComparingTo("6");
    }

    @Test
    void aSingleFlatAccountWithoutRevenueRowsNeverChurns() {
        // no revenue rows at all: the horizon is the current month and the flat account runs up to it
        MetricsDataset data = MetricsDataset.fresh()
                .account("solo", "2024-01-15T00:00:00Z", null, 1, "25");

        LogoChurn churn = new LogoChurnQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 31)));

        // Feb and Mar: 1 active at start, 0 churned: 0 / 1
        assertMonth(churn.months().get(0), 1, 0);
        assertMonth(churn.months().get(1), 1, 0);
        assertThat(churn.months().get(1).rate().value()).isEqualByComparingTo("0");
        // trailing at Mar: churned 0 over 2 account-months: 0
        assertThat(churn.trailing12Rate().value()).isEqualByComparingTo("0");
    }

    @Test
    void aRangeAfterTheHorizonHasNoMonthsAndNoTrailingRate() {
        MetricsDataset data = dataset();

        LogoChurn churn = new LogoChurnQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));

        assertThat(churn.months()).isEmpty();
        assertThat(churn.trailing12Rate()).isNull();
    }

    private static void assertMonth(ChurnMonth month, long activeAtStart, long churned) {
        assertThat(month.activeAtStart()).as("active at start of %s", month.month()).isEqualTo(activeAtStart);
        assertThat(month.churned()).as("churned in %s", month.month()).isEqualTo(churned);
        assertThat(month.rate().n()).isEqualTo(activeAtStart);
    }
}
