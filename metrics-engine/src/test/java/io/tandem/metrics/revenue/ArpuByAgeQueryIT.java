package io.tandem.metrics.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArpuByAgeQueryIT {

    private static final BigDecimal EPS = new BigDecimal("0.0000000001");

    /*
     * Horizon June 2024.
     *   cohort Jan: A 100, 100, 120, 120, 150, 150 (Jan-Jun); B 50, 50, (Mar 0), 70, 70, (Jun 0)
     *   cohort Mar: C flat 40 from 5 Mar, never churned (no revenue rows); D 60 in Mar only
     *   cohort May: E 30 May, Jun
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .account("A", "2024-01-01T00:00:00Z", null, 2, null)
                .revenue("A", "2024-01", "100", "2024-02", "100", "2024-03", "120", "2024-04", "120",
                        "2024-05", "150", "2024-06", "150")
                .account("B", "2024-01-01T00:00:00Z", null, 2, null)
                .revenue("B", "2024-01", "50", "2024-02", "50", "2024-04", "70", "2024-05", "70")
                .account("C", "2024-03-05T00:00:00Z", null, 2, "40")
                .account("D", "2024-03-01T00:00:00Z", null, 2, null)
                .revenue("D", "2024-03", "60")
                .account("E", "2024-05-01T00:00:00Z", null, 2, null)
                .revenue("E", "2024-05", "30", "2024-06", "30");
    }

    @Test
    void arpuAveragesSurvivorsAndRevenuePerStartingAccountCarriesChurn() {
        MetricsDataset data = dataset();

        ArpuByAge result = new ArpuByAgeQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));

        assertThat(result.currency()).isEqualTo("USD");
        assertThat(result.ages()).hasSize(37);
        assertThat(result.ages().get(36).age()).isEqualTo(36);
        // age 0: A 100, B 50, C 40, D 60, E 30 = 280 over 5 active and 5 starting: 56 and 56
        assertAge(result.ages().get(0), "56", 5, "56", 5);
        // age 1 (Feb for Jan, Apr for Mar, Jun for May; all 3 cohorts old enough, 5 starting):
        //   A 100 + B 50 + C 40 + E 30 = 220 over 4 active = 55; D is 0: 220 / 5 = 44
        assertAge(result.ages().get(1), "55", 4, "44", 5);
        // age 2 (Mar for Jan, May for Mar; May cohort would need July: not old enough, 4 starting):
        //   A 120 + C 40 = 160 over 2 active = 80; 160 / 4 = 40
        assertAge(result.ages().get(2), "80", 2, "40", 4);
        // age 3 (Apr for Jan, Jun for Mar): A 120 + B 70 + C 40 = 230 over 3 = 76.666...; 230 / 4 = 57.5
        assertAge(result.ages().get(3), "76.6666666667", 3, "57.5", 4);
        // age 4 (May for Jan only): A 150 + B 70 = 220 over 2 = 110; 220 / 2 = 110
        assertAge(result.ages().get(4), "110", 2, "110", 2);
        // age 5 (Jun for Jan): A 150 over 1 = 150; B churned: 150 / 2 = 75
        assertAge(result.ages().get(5), "150", 1, "75", 2);
        // age 6 and later: no cohort old enough: no value, not 0
        assertThat(result.ages().get(6).n()).isZero();
        assertThat(result.ages().get(6).arpu()).isNull();
        assertThat(result.ages().get(6).revenuePerStartingAccount()).isNull();
        assertThat(result.ages().get(6).startingAccounts()).isZero();
    }

    @Test
    void onlyCohortsInTheRangeCount() {
        MetricsDataset data = dataset();

        ArpuByAge result = new ArpuByAgeQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30)));

        // cohorts Mar and May: age 0 C 40 + D 60 + E 30 = 130 over 3 = 43.333...
        assertAge(result.ages().get(0), "43.3333333333", 3, "43.3333333333", 3);
        // age 4 would be July for March: nobody
        assertThat(result.ages().get(4).arpu()).isNull();
    }

    private static void assertAge(AgeRow row, String arpu, long n, String perStartingAccount, long starting) {
        assertThat(row.arpu()).as("arpu at %d", row.age()).isCloseTo(new BigDecimal(arpu), within(EPS));
        assertThat(row.n()).as("n at %d", row.age()).isEqualTo(n);
        assertThat(row.revenuePerStartingAccount()).as("per starting account at %d", row.age())
                .isCloseTo(new BigDecimal(perStartingAccount), within(EPS));
        assertThat(row.startingAccounts()).as("starting at %d", row.age()).isEqualTo(starting);
    }
}
