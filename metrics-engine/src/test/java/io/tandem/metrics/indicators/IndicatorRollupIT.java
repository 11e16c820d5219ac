package io.tandem.metrics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LeadingIndicatorsQuery gives the same figures from the rollups of the V12 migration (indicator_month,
 * account_support_month, frt_week; any range, team and segment filter) as from raw rows, on data with the
 * edge cases of metrics.md section 7: flat accounts and revenue histories with gaps and churn, accounts
 * without an owner or seats, ratings without a time of their own, tickets without a rep or unanswered,
 * prospects, first tickets before sign-up; and still after every kind of write that moves an observation,
 * with the rollups equal to their definitions (rollup_differences empty).
 */
class IndicatorRollupIT {

    private static final List<MetricFilter> FILTERS = List.of(
            MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30)),
            MetricFilter.of(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 6, 30)),
            // partial months at both edges
            MetricFilter.of(LocalDate.of(2023, 2, 10), LocalDate.of(2024, 4, 20)),
            MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30)).withTeam("north"),
            new MetricFilter(LocalDate.of(2023, 1, 15), LocalDate.of(2024, 12, 10), "south", null),
            new MetricFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30), null, "4-10"),
            new MetricFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 30), null, "unknown"),
            new MetricFilter(LocalDate.of(2023, 2, 3), LocalDate.of(2025, 3, 27), "north", "1-3"),
            // no data; past the horizon (read up to it); one month; within one month
            MetricFilter.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
            MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)),
            MetricFilter.of(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31)),
            MetricFilter.of(LocalDate.of(2023, 4, 8), LocalDate.of(2023, 4, 21)));

    private static final String[] OWNERS = {"n1", "n2", "s1", null};
    private static final Integer[] SEATS = {2, 5, 12, null};
    private static final String[] TICKET_REPS = {"n1", "s1", "n2", null};
    private static final String[] RATINGS = {"great", "not_good", "ok", "great", "great"};

    private static String at(OffsetDateTime t) {
        return t.toString();
    }

    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("n1", "north").supportRep("n2", "north").supportRep("s1", "south")
                // the anchor's single revenue row makes June 2025 the horizon
                .account("Z", "2025-06-01T00:00:00Z", null, 3, null)
                .revenue("Z", "2025-06", "1")
                .customer("p", null);
        for (int i = 0; i < 12; i++) {
            String account = "a" + i;
            OffsetDateTime signedUp = OffsetDateTime.of(2023, 1 + i % 6, 5 + i, 10, 0, 0, 0, ZoneOffset.UTC);
            if (i % 3 == 0) {
                // flat MRR, half of them churned in 2024
                String churned = i % 2 == 0 ? at(signedUp.plusMonths(10 + i)) : null;
                data.account(account, at(signedUp), churned, SEATS[i % 4], "100");
            } else {
                data.account(account, at(signedUp), null, SEATS[i % 4], null);
                String first = signedUp.toLocalDate().toString().substring(0, 7);
                data.revenueEach(account, first, "2024-0" + (1 + i % 8), "50");
                if (i % 4 == 1) {
                    // reactivated after a gap
                    data.revenueEach(account, "2024-11", "2025-06", "80");
                }
            }
            data.customer("c" + i, account);
            if (OWNERS[i % 4] != null) {
                data.owner(OWNERS[i % 4], account);
            }
        }
        OffsetDateTime start = OffsetDateTime.of(2023, 1, 20, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int j = 0; j < 150; j++) {
            OffsetDateTime opened = start.plusDays(j * 4L).plusHours(8 + j % 14).plusMinutes(j * 7 % 60);
            // accounts a4 and a9 get no ticket in their first 90 days (those go to the prospect)
            String customer = j % 13 == 12 || (j % 12 % 5 == 4 && j < 60) ? "p" : "c" + j % 12;
            String responded = j % 7 == 3 ? null
                    : at(opened.plusMinutes(j * 37 % 300).plusDays(j % 11 == 0 ? 2 : 0));
            String closed = j % 5 == 0 ? null : at(opened.plusDays(1));
            data.supportTicket("t" + j, customer, TICKET_REPS[j % 4], at(opened), responded, j % 6, null, false, closed);
            if (j % 3 != 0) {
                // a quarter without a time of their own: they count at the close, else the opening
                String ratedAt = j % 4 == 0 ? null : at(opened.plusDays(2));
                data.rating("t" + j, RATINGS[j % 5], ratedAt, null);
            }
        }
        return data;
    }

    private static void assertSameFiguresBothWays(MetricsDataset data) {
        LeadingIndicatorsQuery query = new LeadingIndicatorsQuery(data.jdbc());
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
    void theRollupsGiveTheFiguresOfRawRows() {
        MetricsDataset data = dataset();
        List<Indicator> all = new LeadingIndicatorsQuery(data.jdbc()).fetch(FILTERS.get(0)).indicators();
        // the data reaches every group of every indicator
        assertThat(all).allSatisfy(indicator -> {
            assertThat(indicator.cohort().n()).as(indicator.name() + " cohort").isPositive();
            assertThat(indicator.control().n()).as(indicator.name() + " control").isPositive();
        });
        assertSameFiguresBothWays(data);

        data.timeZone("America/New_York");
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameAfterWritesToTicketsAndRatings() {
        MetricsDataset data = dataset();
        // ratings change value, move to another month, lose their own time, disappear, appear
        sql(data, "update ratings set rating = 'not_good' where ticket_id in (select id from tickets where external_id in ('t4', 't10'))");
        sql(data, "update ratings set rated_at = rated_at + interval '40 days' where ticket_id = (select id from tickets where external_id = 't5')");
        sql(data, "update ratings set rated_at = null where ticket_id = (select id from tickets where external_id = 't7')");
        sql(data, "delete from ratings where ticket_id = (select id from tickets where external_id = 't8')");
        sql(data, """
                insert into ratings (ticket_id, rating, rated_at)
                select id, 'great', opened_at + interval '1 day' from tickets where external_id in ('t0', 't3', 't6')
                on conflict (ticket_id) do update set rating = excluded.rating, rated_at = excluded.rated_at
                """);
        assertSameFiguresBothWays(data);

        // a first ticket is answered faster, another opens later, a ticket moves to another account, an earlier
        // ticket becomes an account's first, and some tickets go (their ratings first)
        sql(data, "update tickets set first_response_at = opened_at + interval '5 minutes' where external_id = 't2'");
        sql(data, "update tickets set opened_at = opened_at + interval '30 days', first_response_at = first_response_at"
                + " + interval '30 days', closed_at = closed_at + interval '30 days' where external_id = 't1'");
        sql(data, "update tickets set account_id = (select id from accounts where external_id = 'a5'),"
                + " customer_id = (select id from customers where external_id = 'c5') where external_id = 't9'");
        data.supportTicket("early", "c7", "s1", "2023-01-02T09:00:00Z", "2023-01-05T09:00:00Z", 1, null, false, null);
        sql(data, "delete from ratings where ticket_id in (select id from tickets where external_id like 't4_')");
        sql(data, "delete from tickets where external_id like 't4_'");
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameAfterWritesToAccountsRevenueRepsAndSettings() {
        MetricsDataset data = dataset();
        // churn and expansion through revenue upserts and a deleted month
        sql(data, """
                insert into revenue (account_id, month, mrr)
                select id, date '2023-09-01', 0 from accounts where external_id = 'a1'
                union all
                select id, date '2023-10-01', 75 from accounts where external_id = 'a2'
                on conflict (account_id, month) do update set mrr = excluded.mrr
                """);
        sql(data, "delete from revenue where month = date '2023-12-01'"
                + " and account_id = (select id from accounts where external_id = 'a4')");
        // a later sign-up (the early-contact window), a flat account churning earlier, new owners and seats
        sql(data, "update accounts set signed_up_at = signed_up_at + interval '60 days' where external_id = 'a3'");
        sql(data, "update accounts set churned_at = '2023-08-15T00:00:00Z' where external_id = 'a6'");
        data.owner("s1", "a0", "a3");
        sql(data, "update accounts set owner_rep_id = null where external_id = 'a5'");
        sql(data, "update accounts set seats = 30 where external_id = 'a1'");
        sql(data, "update accounts set seats = null where external_id = 'a2'");
        assertSameFiguresBothWays(data);

        // a rep moves team (their tickets' FRTs and their accounts with them), new segment bounds
        sql(data, "update reps set team = 'south' where external_id = 'n2'");
        data.segmentBounds(4, 20);
        assertSameFiguresBothWays(data);

        // a new horizon month rebuilds every rollup; a time zone moves events across month ends
        data.revenue("Z", "2025-07", "1");
        data.timeZone("Asia/Tokyo");
        assertSameFiguresBothWays(data);

        // an account without tickets leaves, everything goes
        sql(data, "delete from revenue where account_id = (select id from accounts where external_id = 'Z')");
        sql(data, "delete from accounts where external_id = 'Z'");
        assertSameFiguresBothWays(data);
        MetricsDataset.fresh();
        assertThat(data.jdbc().sql("select count(*) from account_support_month").query(Long.class).single()).isZero();
        assertThat(data.jdbc().sql("select count(*) from indicator_month").query(Long.class).single()).isZero();
        assertThat(data.jdbc().sql("select count(*) from frt_week").query(Long.class).single()).isZero();
    }

    @Test
    void aTeamsThresholdsCountOnlyItsTicketsOpenedInsideAPartialRange() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("n1", "north").supportRep("s1", "south")
                .account("Z", "2024-12-01T00:00:00Z", null, 1, null).revenue("Z", "2024-12", "1")
                .account("A", "2023-01-05T00:00:00Z", null, 2, "100")
                .account("B", "2023-01-05T00:00:00Z", "2023-06-10T00:00:00Z", 2, "100") // active January-May 2023
                .account("C", "2023-01-05T00:00:00Z", null, 2, "100")
                .owner("n1", "A", "B").owner("s1", "C")
                .customer("a", "A").customer("b", "B").customer("c", "C").customer("p", null)
                // a north prospect's ticket before the range: not among the thresholds' tickets
                .ticket("p0", "p", "2023-01-05T08:00:00Z", "n1", "2023-01-09T12:00:00Z") // 100 h
                .ticket("a1", "a", "2023-01-12T08:00:00Z", "n1", "2023-01-12T18:00:00Z") // 10 h, A's first
                .ticket("b1", "b", "2023-01-12T08:00:00Z", "n1", "2023-01-12T09:00:00Z") // 1 h, B's first
                .ticket("c1", "c", "2023-01-12T08:00:00Z", "s1", "2023-01-12T08:30:00Z") // south
                .ticket("b2", "b", "2023-02-01T08:00:00Z", "n1", "2023-02-01T12:00:00Z") // 4 h
                .ticket("a2", "a", "2023-03-01T08:00:00Z", "n1", "2023-03-01T10:00:00Z") // 2 h
                .ticket("a3", "a", "2023-04-01T08:00:00Z", "n1", "2023-04-01T11:00:00Z") // 3 h
                .rating("a2", "not_good", "2023-03-02T00:00:00Z")
                .rating("b2", "great", "2023-03-02T00:00:00Z")
                .rating("c1", "not_good", "2023-03-02T00:00:00Z");
        MetricFilter north = new MetricFilter(LocalDate.of(2023, 1, 10), LocalDate.of(2024, 12, 31), "north", null);
        LeadingIndicatorsQuery query = new LeadingIndicatorsQuery(data.jdbc());

        List<Indicator> indicators = query.fetch(north).indicators();

        // accounts of the north team: A and B (C is owned by the south rep)
        // bad experience in March 2023: A not good (cohort), B great (control)
        //   + 3 (June 2023): A active, B churned = 1 / 1 and 0 / 1; + 12 (March 2024): the same
        assertGroups(indicators.get(0), 1, 1, 1, 0);
        assertGroups(indicators.get(1), 1, 1, 1, 0);
        // early contact: both first tickets on 12 January, 7 days after sign-up: cohort 2, control 0;
        //   age 6 (July 2023): A active, B not = 2 / 1; age 12: the same
        assertGroups(indicators.get(2), 2, 1, 0, 0);
        assertGroups(indicators.get(3), 2, 1, 0, 0);
        // the north team's answered tickets opened from 10 January 2023: 1, 2, 3, 4, 10 h (the prospect's
        //   100 h opened on 5 January, before the range; the south ticket is another team's)
        //   median: position 0.5 x 4 = 2: 3 h; p90: position 0.9 x 4 = 3.6: 4 + 0.6 x (10 - 4) = 7.6 h
        // first tickets: A 10 h > 7.6 h (cohort), B 1 h < 3 h (control); at age 12 (January 2024) A is
        //   active, B is not = 1 / 1 and 0 / 1. With the prospect's ticket the p90 would be 55 h and A in
        //   neither group.
        assertGroups(indicators.get(4), 1, 1, 1, 0);
        assertThat(query.fetch(north)).isEqualTo(query.fetchRaw(north));
    }

    private static void assertGroups(Indicator indicator, long cohortN, long cohortRetained, long controlN,
                                     long controlRetained) {
        assertThat(indicator.cohort().n()).as(indicator.name() + " " + indicator.horizon() + " cohort n").isEqualTo(cohortN);
        assertThat(indicator.cohort().retained()).as("cohort retained").isEqualTo(cohortRetained);
        assertThat(indicator.control().n()).as("control n").isEqualTo(controlN);
        assertThat(indicator.control().retained()).as("control retained").isEqualTo(controlRetained);
    }
}
