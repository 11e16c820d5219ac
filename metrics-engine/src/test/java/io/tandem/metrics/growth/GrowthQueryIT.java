package io.tandem.metrics.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GrowthQueryIT {

    private static final BigDecimal EPS = new BigDecimal("0.0000001");
    private static final MetricFilter APR_JUN = MetricFilter.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30));

    /*
     * Horizon June 2024; range Apr-Jun 2024 (3 months). Gross margin 0.8, marketing 1,000 a month.
     * Reps: sales s-n (north) 120,000/yr, sales s-s (south) 60,000/yr, sales "old" (north, inactive)
     *       support sup-n (north) 60,000/yr; high touch ht-n (north) 100,000/yr, ht-s (south) no cost
     *   A (ht-n): 500 Jul 2023 - Jun 2024
     *   B (ht-n): 300 Jul 2023 - Feb 2024, churns in March
     *   C (ht-s): 200 Apr - Jun 2024 (new in the range)
     *   D (none): flat 100 from 3 May 2024, no revenue rows (new in the range)
     *   E (ht-s): 100 Oct - Dec 2023, churns in January
     */
    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .growthSettings("0.80", "1000")
                .rep("s-n", "north", "sales", "120000", false)
                .rep("s-s", "south", "sales", "60000", false)
                .rep("old", "north", "sales", "999999", false)
                .rep("sup-n", "north", "support", "60000", false)
                .rep("ht-n", "north", "success", "100000", true)
                .rep("ht-s", "south", "success", null, true)
                .account("A", "2023-07-01T00:00:00Z", null, 5, null)
                .revenueEach("A", "2023-07", "2024-06", "500")
                .account("B", "2023-07-01T00:00:00Z", null, 5, null)
                .revenueEach("B", "2023-07", "2024-02", "300")
                .account("C", "2024-04-01T00:00:00Z", null, 5, null)
                .revenueEach("C", "2024-04", "2024-06", "200")
                .account("D", "2024-05-03T00:00:00Z", null, 5, "100")
                .account("E", "2023-10-01T00:00:00Z", null, 5, null)
                .revenueEach("E", "2023-10", "2023-12", "100")
                .owner("ht-n", "A", "B")
                .owner("ht-s", "C", "E");
        data.jdbc().sql("update reps set active = false where external_id = 'old'").update();
        return data;
    }

    @Test
    void unitEconomicsFollowSectionFive() {
        MetricsDataset data = dataset();

        Growth g = new GrowthQuery(data.jdbc()).fetch(APR_JUN);

        assertThat(g.currency()).isEqualTo("USD");
        assertThat(g.grossMargin()).isEqualByComparingTo("0.8");
        // June: A 500 + C 200 + D 100 = 800 over 3 active accounts: ARPA 266.666...
        assertThat(g.arpa()).isCloseTo(new BigDecimal("266.6666667"), within(EPS));
        // trailing 12 months Jul 2023 - Jun 2024, active at the start of each month:
        //   Jul 0, Aug 2, Sep 2, Oct 2, Nov 3, Dec 3, Jan 3, Feb 2, Mar 2, Apr 1, May 2, Jun 3 = 25;
        //   churned E (Jan) + B (Mar) = 2: monthly rate 2 / 25 = 0.08
        assertThat(g.monthlyChurnRate().numerator()).isEqualTo(2);
        assertThat(g.monthlyChurnRate().n()).isEqualTo(25);
        assertThat(g.monthlyChurnRate().value()).isEqualByComparingTo("0.08");
        // LTV = 266.666... x 0.8 / 0.08 = 2,666.666...
        assertThat(g.ltv()).isCloseTo(new BigDecimal("2666.666667"), within(new BigDecimal("0.00001")));
        // CAC: 3 months x (sales (120,000 + 60,000) / 12 = 15,000 + marketing 1,000) = 48,000; the
        // inactive rep is left out; new accounts C and D = 2: 24,000
        assertThat(g.newAccounts()).isEqualTo(2);
        assertThat(g.cac()).isEqualByComparingTo("24000");
        // payback 24,000 / (266.666... x 0.8 = 213.333...) = 112.5 months
        assertThat(g.cacPaybackMonths()).isCloseTo(new BigDecimal("112.5"), within(EPS));
        // support: 60,000 / 12 / 3 active accounts = 1,666.666...
        assertThat(g.supportCostPerAccount()).isCloseTo(new BigDecimal("1666.666667"), within(new BigDecimal("0.00001")));
        // ht-n owns A (500) and B (0 in June): ARR 6,000 per 100,000 of cost: 6,000;
        // ht-s owns C (200) and E (0): ARR 2,400, no cost set: no ratio
        assertThat(g.highTouch()).hasSize(2);
        HighTouchRep north = g.highTouch().get(0);
        assertThat(north.rep()).isEqualTo("ht-n");
        assertThat(north.arr()).isEqualByComparingTo("6000");
        assertThat(north.arrPer100kCost()).isEqualByComparingTo("6000");
        HighTouchRep south = g.highTouch().get(1);
        assertThat(south.rep()).isEqualTo("ht-s");
        assertThat(south.arr()).isEqualByComparingTo("2400");
        assertThat(south.arrPer100kCost()).isNull();
    }

    @Test
    void teamFilterTakesTheTeamsAccountsAndCostsButNoMarketingSpend() {
        MetricsDataset data = dataset();

        Growth g = new GrowthQuery(data.jdbc()).fetch(APR_JUN.withTeam("north"));

        // north owns A and B. June: A 500 over 1 account
        assertThat(g.arpa()).isEqualByComparingTo("500");
        // active at start Aug-Mar 2 each (8 months) = 16, Apr-Jun 1 each = 3: 19; churned B: 1 / 19
        assertThat(g.monthlyChurnRate().n()).isEqualTo(19);
        assertThat(g.monthlyChurnRate().numerator()).isEqualTo(1);
        // LTV = 500 x 0.8 / (1 / 19) = 7,600
        assertThat(g.ltv()).isCloseTo(new BigDecimal("7600"), within(EPS));
        // no north account is new in the range: CAC and its payback have no value
        assertThat(g.newAccounts()).isZero();
        assertThat(g.cac()).isNull();
        assertThat(g.cacPaybackMonths()).isNull();
        // support 60,000 / 12 / 1 = 5,000
        assertThat(g.supportCostPerAccount()).isEqualByComparingTo("5000");
        assertThat(g.highTouch()).extracting(HighTouchRep::rep).containsExactly("ht-n");
    }

    @Test
    void zeroDenominatorsGiveNoValueNeverAnError() {
        MetricsDataset data = MetricsDataset.fresh();

        Growth g = new GrowthQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)));

        assertThat(g.arpa()).isNull();
        assertThat(g.monthlyChurnRate().hasValue()).isFalse();
        assertThat(g.ltv()).isNull();
        assertThat(g.cac()).isNull();
        assertThat(g.cacPaybackMonths()).isNull();
        assertThat(g.supportCostPerAccount()).isNull();
        assertThat(g.highTouch()).isEmpty();
        assertThat(g.grossMargin()).isEqualByComparingTo("0.8");
    }

    @Test
    void noChurnInTwelveMonthsGivesNoLtvRatherThanInfinity() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("solo", "2024-01-01T00:00:00Z", null, 2, null)
                .revenueEach("solo", "2024-01", "2024-06", "50");

        Growth g = new GrowthQuery(data.jdbc()).fetch(APR_JUN);

        // one account, never churned: 0 / (Feb..Jun 5 account-months) = 0; LTV would divide by 0
        assertThat(g.arpa()).isEqualByComparingTo("50");
        assertThat(g.monthlyChurnRate().value()).isEqualByComparingTo("0");
        assertThat(g.monthlyChurnRate().n()).isEqualTo(5);
        assertThat(g.ltv()).isNull();
        // no sales cost and no marketing spend: no CAC (cohort Jan is before the range anyway)
        assertThat(g.cac()).isNull();
    }
}
