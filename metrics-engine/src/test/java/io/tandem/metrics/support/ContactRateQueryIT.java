package io.tandem.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRateQueryIT {

    private static final MetricFilter Q1 = MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));

    /*
     * Horizon March 2024. A (2 seats): 100 Jan-Mar, customers a1, a2 and a3 (created 15 Feb).
     * B (12 seats): 300 Jan, Feb, no March row (churned in March); customer b1. Prospect p1 (no account).
     * Tickets: a1 twice in January, b1 January, a2 February, b1 March (B no longer active), p1 January.
     */
    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("A", "2024-01-01T00:00:00Z", null, 2, null)
                .revenueEach("A", "2024-01", "2024-03", "100")
                .account("B", "2024-01-01T00:00:00Z", null, 12, null)
                .revenue("B", "2024-01", "300", "2024-02", "300")
                .customer("a1", "A").customer("a2", "A").customer("a3", "A").customer("b1", "B")
                .customer("p1", null)
                .ticket("t1", "a1", "2024-01-05T10:00:00Z")
                .ticket("t2", "a1", "2024-01-20T10:00:00Z")
                .ticket("t3", "b1", "2024-01-07T10:00:00Z")
                .ticket("t4", "a2", "2024-02-07T10:00:00Z")
                .ticket("t5", "b1", "2024-03-07T10:00:00Z")
                .ticket("t6", "p1", "2024-01-09T10:00:00Z");
        data.jdbc().sql("update customers set created_at = '2024-02-15T00:00:00Z' where external_id = 'a3'").update();
        return data;
    }

    @Test
    void contactRateIsDistinctContactingCustomersOfActiveAccounts() {
        ContactRate result = new ContactRateQuery(dataset().jdbc()).fetch(Q1);

        // January: customers a1, a2, b1 (a3 not created yet) = 3; contacted a1 (twice, counted once), b1 = 2
        // February: a1, a2, a3, b1 = 4; contacted a2 = 1
        // March: B churned: a1, a2, a3 = 3; b1's ticket does not count: 0 / 3 = 0 (a value, the base is 3)
        // p1 is a prospect and counts nowhere
        List<ContactMonth> months = result.months();
        assertThat(months).extracting(ContactMonth::month)
                .containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
        assertThat(months).extracting(ContactMonth::customers).containsExactly(3L, 4L, 3L);
        assertThat(months).extracting(ContactMonth::contacted).containsExactly(2L, 1L, 0L);
        assertThat(months.get(0).rate().value()).isEqualByComparingTo("0.6666666666666667");
        assertThat(months.get(1).rate().value()).isEqualByComparingTo("0.25");
        assertThat(months.get(2).rate().value()).isEqualByComparingTo("0");
    }

    @Test
    void customersCreatedBeforeTheRangeCountInEveryMonthAndOneCreatedLaterOnlyFromItsMonth() {
        MetricsDataset data = dataset();
        // a1 created long before the range, a2 on the last evening of January (UTC: still January), a3 in
        // February as before; b1 joined in March, after B churned, so it counts nowhere and its March ticket
        // neither
        data.jdbc().sql("update customers set created_at = '2021-06-01T00:00:00Z' where external_id = 'a1'").update();
        data.jdbc().sql("update customers set created_at = '2024-01-31T23:00:00Z' where external_id = 'a2'").update();
        data.jdbc().sql("update customers set created_at = '2024-03-02T00:00:00Z' where external_id = 'b1'").update();
        ContactRate result = new ContactRateQuery(data.jdbc()).fetch(Q1);

        // January: a1, a2 = 2, contacted a1 = 1; February: a1, a2, a3 = 3, contacted a2 = 1; March: 3, none
        assertThat(result.months()).extracting(ContactMonth::customers).containsExactly(2L, 3L, 3L);
        assertThat(result.months()).extracting(ContactMonth::contacted).containsExactly(1L, 1L, 0L);
    }

    @Test
    void everySegmentGetsItsMonthsAndAnEmptyOneHasNoRate() {
        List<SegmentContactRate> segments = new ContactRateQuery(dataset().jdbc()).fetch(Q1).segments();

        assertThat(segments).extracting(SegmentContactRate::segment).containsExactly("1-3", "4-10", "11+", "unknown");
        // 1-3 (A): Jan 1 of 2 (a1), Feb 1 of 3 (a2), Mar 0 of 3
        assertThat(segments.get(0).months()).extracting(ContactMonth::customers).containsExactly(2L, 3L, 3L);
        assertThat(segments.get(0).months()).extracting(ContactMonth::contacted).containsExactly(1L, 1L, 0L);
        // 11+ (B): Jan 1 of 1, Feb 0 of 1, Mar no customers: no rate, not 0
        SegmentContactRate large = segments.get(2);
        assertThat(large.months()).extracting(ContactMonth::contacted).containsExactly(1L, 0L, 0L);
        assertThat(large.months().get(0).rate().value()).isEqualByComparingTo("1");
        assertThat(large.months().get(2).customers()).isZero();
        assertThat(large.months().get(2).rate().hasValue()).isFalse();
        // 4-10 holds nobody
        assertThat(segments.get(1).months()).allSatisfy(m -> assertThat(m.rate().hasValue()).isFalse());
    }

    @Test
    void segmentFilterKeepsOneSegment() {
        ContactRate result = new ContactRateQuery(dataset().jdbc()).fetch(Q1.withSegment("11+"));

        // only B: Jan 1 / 1, Feb 0 / 1, Mar no customers
        assertThat(result.segments()).extracting(SegmentContactRate::segment).containsExactly("11+");
        assertThat(result.months()).extracting(ContactMonth::customers).containsExactly(1L, 1L, 0L);
        assertThat(result.months()).extracting(ContactMonth::contacted).containsExactly(1L, 0L, 0L);
        assertThat(result.months().get(2).rate().hasValue()).isFalse();
    }

    @Test
    void ticketsFallInTheMonthOfTheOrganisationsTimeZone() {
        // 29 Feb 23:30 UTC is 1 March 00:30 in Berlin
        MetricsDataset data = dataset().ticket("edge", "a1", "2024-02-29T23:30:00Z");
        ContactRateQuery query = new ContactRateQuery(data.jdbc());

        // UTC: February contacted a2 + a1 = 2, March 0
        assertThat(query.fetch(Q1).months()).extracting(ContactMonth::contacted).containsExactly(2L, 2L, 0L);
        data.timeZone("Europe/Berlin");
        // Berlin: February 1, March a1 = 1
        assertThat(query.fetch(Q1).months()).extracting(ContactMonth::contacted).containsExactly(2L, 1L, 1L);
    }
}
