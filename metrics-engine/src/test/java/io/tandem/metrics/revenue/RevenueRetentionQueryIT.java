package io.tandem.metrics.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueRetentionQueryIT {

    private static final BigDecimal EPS = new BigDecimal("0.0000000001");

    /*
     * Horizon February 2024.
     *   A (rep n1, north): 100 Jan-Dec 2023, 150 Jan 2024 (expansion), 80 Feb 2024 (contraction)
     *   B:                 50 Jan-Jun 2023, churned Jul-Nov, back at 60 Dec 2023 - Feb 2024
     *   C:                 flat 40, signed 1 Feb 2023, churned 10 Nov 2023 (no revenue rows)
     *   D:                 30 from Jun 2023 to Feb 2024 (not in any base of the range)
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .rep("n1", "north", "success", null, false)
                .account("A", "2023-01-01T00:00:00Z", null, 5, null)
                .revenueEach("A", "2023-01", "2023-12", "100")
                .revenue("A", "2024-01", "150", "2024-02", "80")
                .account("B", "2023-01-01T00:00:00Z", null, 5, null)
                .revenueEach("B", "2023-01", "2023-06", "50")
                .revenueEach("B", "2023-12", "2024-02", "60")
                .account("C", "2023-02-01T00:00:00Z", "2023-11-10T00:00:00Z", 5, "40")
                .account("D", "2023-06-01T00:00:00Z", null, 5, null)
                .revenueEach("D", "2023-06", "2024-02", "30")
                .owner("n1", "A");
    }

    @Test
    void nrrAndGrrCompareTheBaseOfTwelveMonthsAgo() {
        MetricsDataset data = dataset();

        List<RetentionMonth> months = new RevenueRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31))).months();

        // March 2024 is after the horizon: absent
        assertThat(months).extracting(RetentionMonth::month)
                .containsExactly(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        // Dec 2023: nobody was active in Dec 2022: n = 0, no value (not 0)
        assertThat(months.get(0).n()).isZero();
        assertThat(months.get(0).nrr()).isNull();
        assertThat(months.get(0).grr()).isNull();
        // Jan 2024: base = active in Jan 2023 = A 100 + B 50 = 150, n = 2
        //   NRR = (A 150 + B 60) / 150 = 210 / 150 = 1.4
        //   GRR = (min(150, 100) + min(60, 50)) / 150 = 150 / 150 = 1
        assertThat(months.get(1).n()).isEqualTo(2);
        assertThat(months.get(1).nrr()).isEqualByComparingTo("1.4");
        assertThat(months.get(1).grr()).isEqualByComparingTo("1");
        // Feb 2024: base = active in Feb 2023 = A 100 + B 50 + C 40 = 190, n = 3
        //   NRR = (A 80 + B 60 + C 0) / 190 = 140 / 190 = 0.7368421052...
        //   GRR = (min(80, 100) + min(60, 50) + 0) / 190 = 130 / 190 = 0.6842105263...
        assertThat(months.get(2).n()).isEqualTo(3);
        assertThat(months.get(2).nrr()).isCloseTo(new BigDecimal("0.7368421053"), within(EPS));
        assertThat(months.get(2).grr()).isCloseTo(new BigDecimal("0.6842105263"), within(EPS));
    }

    @Test
    void teamFilterKeepsTheTeamsAccountsInBothMonths() {
        MetricsDataset data = dataset();

        List<RetentionMonth> months = new RevenueRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29)).withTeam("north"))
                .months();

        // north owns A only. Jan: 150 / 100 = 1.5, GRR min(150, 100) / 100 = 1; Feb: 80 / 100 = 0.8 both
        assertThat(months.get(0).n()).isEqualTo(1);
        assertThat(months.get(0).nrr()).isEqualByComparingTo("1.5");
        assertThat(months.get(0).grr()).isEqualByComparingTo("1");
        assertThat(months.get(1).nrr()).isEqualByComparingTo("0.8");
        assertThat(months.get(1).grr()).isEqualByComparingTo("0.8");
    }

    @Test
    void aTeamWithoutAccountsHasNoValueRatherThanZero() {
        MetricsDataset data = dataset();

        List<RetentionMonth> months = new RevenueRetentionQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)).withTeam("nobody"))
                .months();

        assertThat(months).singleElement().satisfies(m -> {
            assertThat(m.n()).isZero();
            assertThat(m.nrr()).isNull();
            assertThat(m.grr()).isNull();
        });
    }
}
