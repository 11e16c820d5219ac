package io.tandem.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortRetentionQueryIT {

    private static final BigDecimal THIRD = new BigDecimal("0.3333333333");
    private static final BigDecimal TWO_THIRDS = new BigDecimal("0.6666666667");

    /*
     * Horizon June 2024.
     *   cohort Jan: A 100 Jan-Jun; B Jan, Feb, (Mar 0), Apr, May, (Jun 0); E flat, signed 20 Jan,
     *               churned 2 Mar: active Jan, Feb
     *   cohort Feb: C flat, signed 10 Feb, churned 15 Apr: active Feb, Mar
     *   cohort Mar: D (12 seats) Mar-Jun; F (12 seats) a Feb row of 0 (not active, so not its cohort),
     *               Mar 10, nothing after
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .account("A", "2024-01-01T00:00:00Z", null, 2, null)
                .revenueEach("A", "2024-01", "2024-06", "100")
                .account("B", "2024-01-01T00:00:00Z", null, 2, null)
                .revenue("B", "2024-01", "50", "2024-02", "50", "2024-04", "50", "2024-05", "50")
                .account("E", "2024-01-20T00:00:00Z", "2024-03-02T00:00:00Z", 2, "30")
                .account("C", "2024-02-10T00:00:00Z", "2024-04-15T00:00:00Z", 2, "40")
                .account("D", "2024-03-01T00:00:00Z", null, 12, null)
                .revenueEach("D", "2024-03", "2024-06", "20")
                .account("F", "2024-02-01T00:00:00Z", null, 12, null)
                .revenue("F", "2024-02", "0", "2024-03", "10");
    }

    @Test
    void cellsAreActiveAccountsOfTheCohortOverItsSize() {
        MetricsDataset data = dataset();

        List<CohortRow> cohorts = new CohortRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30))).cohorts();

        assertThat(cohorts).extracting(CohortRow::cohort)
                .containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
        // Jan (A, B, E = 3): Jan 3/3, Feb 3/3, Mar A 1/3, Apr A B 2/3, May A B 2/3, Jun A 1/3
        CohortRow jan = cohorts.get(0);
        assertThat(jan.size()).isEqualTo(3);
        assertCells(jan, "1", "1", THIRD, TWO_THIRDS, TWO_THIRDS, THIRD);
        // Feb (C = 1): Feb 1, Mar 1, then 0 in the past months Apr-Jun (real zeros)
        assertThat(cohorts.get(1).size()).isEqualTo(1);
        assertCells(cohorts.get(1), "1", "1", "0", "0", "0");
        // Mar (D, F = 2): Mar 2/2, Apr-Jun D only 1/2
        assertThat(cohorts.get(2).size()).isEqualTo(2);
        assertCells(cohorts.get(2), "1", "0.5", "0.5", "0.5");
    }

    @Test
    void cellsAfterMonthOfToAreAbsentNotZero() {
        MetricsDataset data = dataset();

        List<CohortRow> cohorts = new CohortRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30))).cohorts();

        // read up to April although data runs to June: Jan has ages 0-3, Feb 0-2, Mar 0-1
        assertCells(cohorts.get(0), "1", "1", THIRD, TWO_THIRDS);
        assertCells(cohorts.get(1), "1", "1", "0");
        assertCells(cohorts.get(2), "1", "0.5");
    }

    @Test
    void cellsAfterTheHorizonAreAbsentAndCohortsOutsideTheRangeAreLeftOut() {
        MetricsDataset data = dataset();

        List<CohortRow> cohorts = new CohortRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 12, 31))).cohorts();

        // Jan is before the range; cells stop at June (the horizon), not December
        assertThat(cohorts).extracting(CohortRow::cohort).containsExactly(YearMonth.of(2024, 2), YearMonth.of(2024, 3));
        assertThat(cohorts.get(0).retention()).hasSize(5);
        assertThat(cohorts.get(1).retention()).hasSize(4);
    }

    @Test
    void segmentFilterKeepsTheSegmentsCohorts() {
        MetricsDataset data = dataset();

        List<CohortRow> cohorts = new CohortRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)).withSegment("11+"))
                .cohorts();

        // 11+ holds D and F (12 seats): only the March cohort
        assertThat(cohorts).singleElement().satisfies(c -> {
            assertThat(c.cohort()).isEqualTo(YearMonth.of(2024, 3));
            assertThat(c.size()).isEqualTo(2);
        });
    }

    @Test
    void noAccountsGiveNoCohorts() {
        MetricsDataset data = MetricsDataset.fresh();

        assertThat(new CohortRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30))).cohorts()).isEmpty();
    }

    private static void assertCells(CohortRow row, Object... expected) {
        assertThat(row.retention()).as("cells of %s", row.cohort()).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            BigDecimal want = expected[k] instanceof BigDecimal b ? b : new BigDecimal((String) expected[k]);
            assertThat(row.retention().get(k)).as("cohort %s age %d", row.cohort(), k)
                    .isCloseTo(want, within(new BigDecimal("0.0000000001")));
        }
    }
}
