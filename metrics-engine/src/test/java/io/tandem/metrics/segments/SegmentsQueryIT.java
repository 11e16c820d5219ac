package io.tandem.metrics.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsQueryIT {

    private static final MetricFilter FEB_MAR = MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 31));

    /*
     * Horizon March 2024; range Feb-Mar 2024.
     *   S1 (2 seats, rep n1 north):  100 Jan-Mar
     *   S2 (3 seats, rep s1 south):  50 Jan, Feb; no Mar row (churns in March)
     *   M1 (5 seats, rep n1 north):  200 Mar 2023 - Feb 2024, 300 Mar 2024
     *   L1 (12 seats, no owner):     flat 400 from 10 Jan 2024, no revenue rows
     *   U1 (no seats, rep s1 south): 80 Feb, Mar
     * Support reps: sup-n (north) 120,000 a year = 10,000 a month; sup-s (south) 60,000 = 5,000; the sales
     * rep's cost is not support cost.
     * Tickets in Feb-Mar: S1 two, S2 one, M1 one = 4; S1's January ticket is outside the range.
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .rep("n1", "north", "success", "90000", false)
                .rep("s1", "south", "success", "90000", false)
                .rep("sup-n", "north", "support", "120000", false)
                .rep("sup-s", "south", "support", "60000", false)
                .rep("sales-n", "north", "sales", "500000", false)
                .account("S1", "2024-01-01T00:00:00Z", null, 2, null)
                .revenueEach("S1", "2024-01", "2024-03", "100")
                .account("S2", "2024-01-01T00:00:00Z", null, 3, null)
                .revenue("S2", "2024-01", "50", "2024-02", "50")
                .account("M1", "2023-03-01T00:00:00Z", null, 5, null)
                .revenueEach("M1", "2023-03", "2024-02", "200")
                .revenue("M1", "2024-03", "300")
                .account("L1", "2024-01-10T00:00:00Z", null, 12, "400")
                .account("U1", "2024-02-01T00:00:00Z", null, null, null)
                .revenue("U1", "2024-02", "80", "2024-03", "80")
                .owner("n1", "S1", "M1")
                .owner("s1", "S2", "U1")
                .customer("c-s1", "S1")
                .customer("c-s2", "S2")
                .customer("c-m1", "M1")
                .ticket("t0", "c-s1", "2024-01-20T10:00:00Z")
                .ticket("t1", "c-s1", "2024-02-05T10:00:00Z")
                .ticket("t2", "c-s1", "2024-03-05T10:00:00Z")
                .ticket("t3", "c-s2", "2024-02-06T10:00:00Z")
                .ticket("t4", "c-m1", "2024-03-07T10:00:00Z");
    }

    @Test
    void everySegmentGetsItsFiguresAndSuggestedTouch() {
        MetricsDataset data = dataset();

        Segments result = new SegmentsQuery(data.jdbc()).fetch(FEB_MAR);

        assertThat(result.currency()).isEqualTo("USD");
        List<SegmentRow> rows = result.segments();
        assertThat(rows).extracting(SegmentRow::segment).containsExactly("1-3", "4-10", "11+", "unknown");
        assertThat(rows).extracting(SegmentRow::suggestedTouch)
                .containsExactly(TouchModel.LOW_TOUCH, TouchModel.HYBRID, TouchModel.HIGH_TOUCH, null);

        // 1-3 (S1, S2): active at start Feb 2 + Mar 2 = 4, churned S2 in Mar = 1: 1 / 4;
        // March: S1 active, MRR 100: ARPA 100; no account active a year before: no NRR;
        // tickets 3 / account-months (Feb 2 + Mar 1 = 3) = 1; support 15,000 x 3/4 tickets / 1 account = 11,250
        SegmentRow small = rows.get(0);
        assertThat(small.activeAccounts()).isEqualTo(1);
        assertThat(small.churnRate().numerator()).isEqualTo(1);
        assertThat(small.churnRate().n()).isEqualTo(4);
        assertThat(small.churnRate().value()).isEqualByComparingTo("0.25");
        assertThat(small.nrr()).isNull();
        assertThat(small.arpa()).isEqualByComparingTo("100");
        assertThat(small.ticketsPerAccountMonth()).isEqualByComparingTo("1");
        assertThat(small.supportCostPerAccount()).isEqualByComparingTo("11250");

        // 4-10 (M1): churn 0 / 2; NRR 300 / 200 = 1.5; ARPA 300; tickets 1 / 2 = 0.5;
        // support 15,000 x 1/4 / 1 = 3,750
        SegmentRow medium = rows.get(1);
        assertThat(medium.activeAccounts()).isEqualTo(1);
        assertThat(medium.churnRate().value()).isEqualByComparingTo("0");
        assertThat(medium.churnRate().n()).isEqualTo(2);
        assertThat(medium.nrr()).isEqualByComparingTo("1.5");
        assertThat(medium.arpa()).isEqualByComparingTo("300");
        assertThat(medium.ticketsPerAccountMonth()).isEqualByComparingTo("0.5");
        assertThat(medium.supportCostPerAccount()).isEqualByComparingTo("3750");

        // 11+ (L1, flat without revenue rows): churn 0 / 2; ARPA 400; tickets 0 / 2 = 0; support 0 / 4 x 15,000 = 0
        SegmentRow large = rows.get(2);
        assertThat(large.activeAccounts()).isEqualTo(1);
        assertThat(large.churnRate().n()).isEqualTo(2);
        assertThat(large.arpa()).isEqualByComparingTo("400");
        assertThat(large.ticketsPerAccountMonth()).isEqualByComparingTo("0");
        assertThat(large.supportCostPerAccount()).isEqualByComparingTo("0");

        // unknown (U1, no seats: not folded into 1-3): active at start Feb 0 + Mar 1 = 1, churn 0 / 1; ARPA 80
        SegmentRow unknown = rows.get(3);
        assertThat(unknown.tier()).isEqualTo(SegmentTier.UNKNOWN);
        assertThat(unknown.activeAccounts()).isEqualTo(1);
        assertThat(unknown.churnRate().n()).isEqualTo(1);
        assertThat(unknown.arpa()).isEqualByComparingTo("80");
    }

    @Test
    void teamFilterKeepsTheTeamsAccountsTicketsAndSupportCost() {
        MetricsDataset data = dataset();

        List<SegmentRow> rows = new SegmentsQuery(data.jdbc()).fetch(FEB_MAR.withTeam("north")).segments();

        // north: S1 and M1; support 10,000 a month; tickets S1 2 + M1 1 = 3
        // 1-3: tickets 2 / 2 account-months = 1; support 10,000 x 2/3 / 1 = 6,666.67
        assertThat(rows.get(0).ticketsPerAccountMonth()).isEqualByComparingTo("1");
        assertThat(rows.get(0).supportCostPerAccount()).isCloseTo(new BigDecimal("6666.6667"), within(new BigDecimal("0.0001")));
        assertThat(rows.get(0).churnRate().value()).isEqualByComparingTo("0");
        // 4-10: support 10,000 x 1/3 = 3,333.33
        assertThat(rows.get(1).supportCostPerAccount()).isCloseTo(new BigDecimal("3333.3333"), within(new BigDecimal("0.0001")));
        // 11+ and unknown hold no north account: zero denominators are no value, never 0
        SegmentRow large = rows.get(2);
        assertThat(large.activeAccounts()).isZero();
        assertThat(large.churnRate().hasValue()).isFalse();
        assertThat(large.arpa()).isNull();
        assertThat(large.nrr()).isNull();
        assertThat(large.ticketsPerAccountMonth()).isNull();
        assertThat(large.supportCostPerAccount()).isNull();
    }

    @Test
    void segmentFilterGivesOneRowWithItsShareOfTheSupportCost() {
        MetricsDataset data = dataset();

        List<SegmentRow> rows = new SegmentsQuery(data.jdbc()).fetch(FEB_MAR.withSegment("4-10")).segments();

        // the share is of all 4 tickets, not of the filtered segment's own: 15,000 x 1/4 / 1 = 3,750
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.segment()).isEqualTo("4-10");
            assertThat(r.supportCostPerAccount()).isEqualByComparingTo("3750");
        });
    }

    @Test
    void ticketsFallInTheMonthOfTheOrganisationsTimeZone() {
        // 31 Jan 12:30 UTC is 1 Feb 01:30 in Auckland (+13:00 in summer)
        MetricsDataset data = dataset().ticket("edge", "c-s1", "2024-01-31T12:30:00Z");
        SegmentsQuery query = new SegmentsQuery(data.jdbc());

        // UTC: the edge ticket is in January, outside the range: 1-3 keeps 3 tickets / 3 account-months
        assertThat(query.fetch(FEB_MAR).segments().get(0).ticketsPerAccountMonth()).isEqualByComparingTo("1");

        data.jdbc().sql("update settings set time_zone = 'Pacific/Auckland'").update();
        // Auckland: it is in February: 4 / 3 account-months
        assertThat(query.fetch(FEB_MAR).segments().get(0).ticketsPerAccountMonth())
                .isCloseTo(new BigDecimal("1.3333333333"), within(new BigDecimal("0.0000000001")));
    }
}
