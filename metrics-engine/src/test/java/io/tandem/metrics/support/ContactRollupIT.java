package io.tandem.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ContactRateQuery gives the same figures from the rollup contact_month (sums of account_support_month per
 * month, owner rep and segment; any range, team and segment filter) as from raw rows, on data with the edge
 * cases of metrics.md section 2: customers created before, inside and after the range or at an unknown time,
 * prospects, accounts that churn and come back, accounts without an owner or seats, a customer's tickets filed
 * under another account; and still after every kind of write that moves a customer or a contact, with the
 * rollups equal to their definitions.
 */
class ContactRollupIT {

    private static final List<MetricFilter> FILTERS = List.of(
            MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
            MetricFilter.of(LocalDate.of(2023, 3, 10), LocalDate.of(2023, 9, 20)),
            MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)).withTeam("north"),
            new MetricFilter(LocalDate.of(2023, 6, 1), LocalDate.of(2024, 5, 31), "south", "4-10"),
            new MetricFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), null, "unknown"),
            new MetricFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), null, "11+"),
            MetricFilter.of(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31)),
            // past the horizon (read up to it) and no data
            MetricFilter.of(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 12, 31)),
            MetricFilter.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));

    private static final String[] OWNERS = {"n1", "s1", null};
    private static final Integer[] SEATS = {2, 5, 12, null};

    private static String at(OffsetDateTime t) {
        return t.toString();
    }

    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("n1", "north").supportRep("s1", "south")
                .customer("p", null);
        for (int i = 0; i < 8; i++) {
            String account = "a" + i;
            OffsetDateTime signedUp = OffsetDateTime.of(2023, 1 + i % 4, 3 + i, 9, 0, 0, 0, ZoneOffset.UTC);
            if (i % 2 == 0) {
                data.account(account, at(signedUp), i % 4 == 0 ? at(signedUp.plusMonths(9)) : null, SEATS[i % 4], "40");
            } else {
                data.account(account, at(signedUp), null, SEATS[i % 4], null);
                data.revenueEach(account, signedUp.toLocalDate().toString().substring(0, 7), "2023-10", "70");
                data.revenueEach(account, "2024-02", "2024-10", "90");
            }
            if (OWNERS[i % 3] != null) {
                data.owner(OWNERS[i % 3], account);
            }
            for (int k = 0; k < 3; k++) {
                String customer = "c" + i + "_" + k;
                data.customer(customer, account);
                // one customer from before 2023, one joining during the accounts' life, one of unknown time
                String created = switch (k) {
                    case 0 -> "2022-06-01T00:00:00Z";
                    case 1 -> at(signedUp.plusMonths(2 + i % 5).plusHours(20));
                    default -> null;
                };
                data.jdbc().sql("update customers set created_at = :created::timestamptz where external_id = :id")
                        .param("created", created).param("id", customer).update();
            }
        }
        OffsetDateTime start = OffsetDateTime.of(2023, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int j = 0; j < 120; j++) {
            OffsetDateTime opened = start.plusDays(j * 5L).plusHours(j % 24);
            String customer = j % 11 == 10 ? "p" : "c" + j % 8 + "_" + j % 3;
            data.ticket("t" + j, customer, at(opened));
        }
        // a customer's ticket filed under another account still counts for the customer's account
        data.jdbc().sql("update tickets set account_id = (select id from accounts where external_id = 'a1')"
                + " where external_id = 't2'").update();
        return data;
    }

    private static void assertSameFiguresBothWays(MetricsDataset data) {
        ContactRateQuery query = new ContactRateQuery(data.jdbc());
        for (MetricFilter filter : FILTERS) {
            assertThat(query.fetch(filter)).as(filter.toString()).isEqualTo(query.fetchRaw(filter));
        }
        assertThat(data.jdbc().sql("select rollup || ' ' || difference || ' ' || row_text from rollup_differences()")
                .query(String.class).list()).isEmpty();
    }

    private static void sql(MetricsDataset data, String statement) {
        data.jdbc().sql(statement).update();
    }

    @Test
    void theRollupGivesTheFiguresOfRawRows() {
        MetricsDataset data = dataset();
        ContactRate all = new ContactRateQuery(data.jdbc()).fetch(FILTERS.get(0));
        // the data reaches every segment, and some months have contacts
        assertThat(all.segments()).allSatisfy(segment ->
                assertThat(segment.months().stream().mapToLong(ContactMonth::customers).sum()).isPositive());
        assertThat(all.months().stream().mapToLong(ContactMonth::contacted).sum()).isPositive();
        assertSameFiguresBothWays(data);

        data.timeZone("Pacific/Auckland");
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameAfterWritesToCustomersTicketsAccountsAndSettings() {
        MetricsDataset data = dataset();
        // customers join later, move to another account, lose their account, arrive; tickets move in time and
        // to another customer; some go
        sql(data, "update customers set created_at = '2023-08-20T00:00:00Z' where external_id = 'c3_0'");
        sql(data, "update customers set account_id = (select id from accounts where external_id = 'a6')"
                + " where external_id = 'c5_1'");
        sql(data, "update customers set account_id = null where external_id = 'c2_2'");
        data.customer("new", "a4").ticket("tn", "new", "2023-07-07T07:00:00Z");
        sql(data, "update tickets set opened_at = opened_at + interval '20 days' where external_id in ('t3', 't4')");
        sql(data, "update tickets set customer_id = (select id from customers where external_id = 'c0_0')"
                + " where external_id = 't9'");
        sql(data, "delete from tickets where external_id like 't1_'");
        data.customer("gone", "a5");
        sql(data, "delete from customers where external_id = 'gone'");
        assertSameFiguresBothWays(data);

        // churn through revenue, new owners and seats, a rep moving team, new segment bounds
        sql(data, """
                insert into revenue (account_id, month, mrr)
                select id, date '2023-06-01', 0 from accounts where external_id = 'a3'
                on conflict (account_id, month) do update set mrr = excluded.mrr
                """);
        data.owner("s1", "a0");
        sql(data, "update accounts set seats = 40 where external_id = 'a1'");
        sql(data, "update reps set team = 'south' where external_id = 'n1'");
        data.segmentBounds(1, 12);
        assertSameFiguresBothWays(data);

        // a new horizon month, a time zone, and truncation
        data.revenue("a1", "2024-11", "90");
        data.timeZone("America/Los_Angeles");
        assertSameFiguresBothWays(data);
        MetricsDataset.fresh();
        assertThat(data.jdbc().sql("select count(*) from contact_month").query(Long.class).single()).isZero();
    }

    @Test
    void aTeamAndSegmentCountTheirAccountsCustomersInTheRangesWholeMonths() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("n1", "north").supportRep("s1", "south")
                .account("A", "2023-12-01T00:00:00Z", null, 2, "50")
                .account("B", "2023-12-01T00:00:00Z", null, 2, "50")
                .account("C", "2023-12-01T00:00:00Z", null, 12, "50")
                .account("Z", "2024-02-01T00:00:00Z", null, 2, null).revenue("Z", "2024-02", "1")
                .owner("n1", "A", "C").owner("s1", "B")
                .customer("a1", "A").customer("a2", "A").customer("b1", "B").customer("c1", "C")
                .ticket("ta1", "a1", "2024-01-03T10:00:00Z")  // before the range's first day, in January
                .ticket("ta2", "a2", "2024-02-20T10:00:00Z")  // after its last day, in February
                .ticket("tb1", "b1", "2024-01-20T10:00:00Z")
                .ticket("tc1", "c1", "2024-01-20T10:00:00Z");
        data.jdbc().sql("update customers set created_at = '2023-06-01T00:00:00Z' where external_id <> 'a2'").update();
        data.jdbc().sql("update customers set created_at = '2024-02-05T00:00:00Z' where external_id = 'a2'").update();
        MetricFilter filter = new MetricFilter(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 10), "north", "1-3");
        ContactRateQuery query = new ContactRateQuery(data.jdbc());

        ContactRate rate = query.fetch(filter);

        // north and 1-3: only A (B is south, C has 12 seats; Z has no owner). The range's months are whole
        // months (section 0): January: customers a1 (a2 joins in February) = 1, contacted a1 = 1;
        // February: a1, a2 = 2, contacted a2 = 1 (rate 0.5)
        assertThat(rate.months()).extracting(ContactMonth::customers).containsExactly(1L, 2L);
        assertThat(rate.months()).extracting(ContactMonth::contacted).containsExactly(1L, 1L);
        assertThat(rate.months().get(1).rate().value()).isEqualByComparingTo("0.5");
        assertThat(rate.segments()).extracting(SegmentContactRate::segment).containsExactly("1-3");
        assertThat(rate).isEqualTo(query.fetchRaw(filter));
    }
}
