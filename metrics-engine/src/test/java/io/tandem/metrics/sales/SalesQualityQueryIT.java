package io.tandem.metrics.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import io.tandem.metrics.sales.SalesQualityQuery.RepSales;
import io.tandem.metrics.sales.SalesQualityQuery.SalesQuality;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-worked sales quality. Commission rate 10%, time zone UTC, horizon June 2024.
 * <pre>
 * account  revenue rows (MRR 100 unless said)         at month 12 of the deals closed in Jan 2023
 * A        2023-01 .. 2024-06                          active
 * B        2023-01 .. 2023-11 (churns in month 11)      MRR 0 in 2024-01
 * C        2023-01 .. 2024-01 (churns in month 13)      active in 2024-01
 * D        2023-06 .. 2024-06                          (its deal closed June 2023 is checked in June 2024)
 *
 * deal rep type       amount stage closed            account  maturity month  active then
 * d1   S1  new        100    won   2023-01-15        A        2024-01          yes
 * d2   S1  new        200    won   2023-01-20        B        2024-01          no
 * d3   S2  new         50    won   2023-01-31 23:00Z C        2024-01          yes (exactly the 12th month)
 * d4   S2  new         80    won   2023-06-10        D        2024-06          yes
 * d5   S2  new         30    won   2024-02-01        -        -                (no account)
 * d6   S1  expansion   20    won   2024-03-05        A        2025-03          after the horizon
 * d7   S1  new        999    lost  2024-02-02        -
 * d8   S2  new         40    won   2024-05-20        D        2025-05          after the horizon
 * </pre>
 */
class SalesQualityQueryIT {

    private JdbcClient jdbc;

    @BeforeEach
    void company() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("A", "2023-01-01T00:00:00Z", null, 5, null)
                .account("B", "2023-01-01T00:00:00Z", null, 5, null)
                .account("C", "2023-01-01T00:00:00Z", null, 5, null)
                .account("D", "2023-06-01T00:00:00Z", null, 5, null);
        revenue(data, "A", "2023-01", "2024-06");
        revenue(data, "B", "2023-01", "2023-11");
        revenue(data, "C", "2023-01", "2024-01");
        revenue(data, "D", "2023-06", "2024-06");
        jdbc = data.jdbc();
        jdbc.sql("update settings set commission_rate = 0.10").update();
        rep("S1", "Sales");
        rep("S2", "Sales");
        deal("d1", "S1", "A", "new", "100", "won", "2023-01-15T10:00:00Z");
        deal("d2", "S1", "B", "new", "200", "won", "2023-01-20T10:00:00Z");
        deal("d3", "S2", "C", "new", "50", "won", "2023-01-31T23:00:00Z");
        deal("d4", "S2", "D", "new", "80", "won", "2023-06-10T10:00:00Z");
        deal("d5", "S2", null, "new", "30", "won", "2024-02-01T10:00:00Z");
        deal("d6", "S1", "A", "expansion", "20", "won", "2024-03-05T10:00:00Z");
        deal("d7", "S1", null, "new", "999", "lost", "2024-02-02T10:00:00Z");
        deal("d8", "S2", "D", "new", "40", "won", "2024-05-20T10:00:00Z");
    }

    private static void revenue(MetricsDataset data, String account, String first, String last) {
        data.jdbc().sql("""
                insert into revenue (account_id, month, mrr)
                select a.id, m::date, 100
                from accounts a, generate_series(to_date(:first, 'YYYY-MM'), to_date(:last, 'YYYY-MM'), interval '1 month') m
                where a.external_id = :account""")
                .param("account", account).param("first", first).param("last", last).update();
    }

    private void rep(String id, String team) {
        jdbc.sql("insert into reps (external_id, name, team, role) values (:id, :id, :team, 'sales')")
                .param("id", id).param("team", team).update();
    }

    private void deal(String id, String rep, String account, String type, String amount, String stage, String closed) {
        jdbc.sql("""
                insert into deals (external_id, rep_id, account_id, type, amount, stage, closed_at)
                select :id, r.id, (select a.id from accounts a where a.external_id = :account), :type, :amount::numeric,
                       :stage, :closed::timestamptz
                from reps r where r.external_id = :rep""")
                .param("id", id).param("rep", rep).param("account", account).param("type", type)
                .param("amount", amount).param("stage", stage).param("closed", closed).update();
    }

    private static RepSales rep(SalesQuality q, String rep) {
        return q.reps().stream().filter(r -> rep.equals(r.rep())).findFirst().orElseThrow();
    }

    @Test
    void firstHalfOf2024() {
        SalesQuality q = new SalesQualityQuery(jdbc).fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));

        RepSales s1 = rep(q, "S1");
        // booked in H1 2024: d6 (20); d7 is lost
        assertThat(s1.wonDeals()).isEqualTo(1);
        assertThat(s1.bookings()).isEqualByComparingTo("20");
        // mature (12th month in Jan-Jun 2024): d1 100 retained, d2 200 not: 100 / 300 = 1/3
        assertThat(s1.matureDeals()).isEqualTo(2);
        assertThat(s1.matureBookings()).isEqualByComparingTo("300");
        assertThat(s1.retainedBookings()).isEqualByComparingTo("100");
        assertThat(s1.bookingRetention()).isEqualByComparingTo(new BigDecimal("0.3333333333333333"));
        assertThat(s1.lowSample()).isTrue();
        // d6: 20 x 10% / 2 = 1.00 earned at close, 1.00 pending (its 12th month is after the horizon)
        assertThat(s1.commission().earned()).isEqualByComparingTo("1.00");
        assertThat(s1.commission().pending()).isEqualByComparingTo("1.00");
        assertThat(s1.commission().forfeited()).isEqualByComparingTo("0");

        RepSales s2 = rep(q, "S2");
        // booked: d5 30 (no account) + d8 40 = 70
        assertThat(s2.bookings()).isEqualByComparingTo("70");
        assertThat(s2.dealsWithoutAccount()).isEqualTo(1);
        // mature: d3 50 (active in its 12th month, churned in the 13th) + d4 80 = 130, all retained
        assertThat(s2.matureBookings()).isEqualByComparingTo("130");
        assertThat(s2.retainedBookings()).isEqualByComparingTo("130");
        assertThat(s2.bookingRetention()).isEqualByComparingTo("1");
        // d5: 1.50 at close, 1.50 pending (no account to check); d8: 2.00 at close, 2.00 pending
        assertThat(s2.commission().earned()).isEqualByComparingTo("3.50");
        assertThat(s2.commission().pending()).isEqualByComparingTo("3.50");

        // the biggest booker comes first; the total adds up
        assertThat(q.reps()).extracting(RepSales::rep).containsExactly("S2", "S1");
        assertThat(q.total().rep()).isNull();
        assertThat(q.total().bookings()).isEqualByComparingTo("90");
        assertThat(q.total().matureBookings()).isEqualByComparingTo("430");
        assertThat(q.total().retainedBookings()).isEqualByComparingTo("230");
        assertThat(q.commissionRate()).isEqualByComparingTo("0.10");

        // one rep's row read alone (a scorecard's earlier periods) is the row of the whole result
        SalesQualityQuery query = new SalesQualityQuery(jdbc);
        MetricFilter h1 = MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        assertThat(query.fetchRep(h1, "S1")).isEqualTo(s1);
        assertThat(query.fetchRep(h1, "S2")).isEqualTo(s2);
        assertThat(query.fetchRep(h1, "nobody")).isNull();
    }

    @Test
    void theSegmentFilterFollowsTheDealsAccount() {
        // D grows to 12 seats (11+); A, B and C keep 5 (4-10); d5 has no account, so no segment
        jdbc.sql("update accounts set seats = 12 where external_id = 'D'").update();
        SalesQualityQuery query = new SalesQualityQuery(jdbc);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 6, 30);

        SalesQuality large = query.fetch(new MetricFilter(from, to, null, "11+"));
        // only D's deals: d8 40 booked, d4 80 mature and retained; S1 has none there
        assertThat(large.reps()).extracting(RepSales::rep).containsExactly("S2");
        assertThat(rep(large, "S2").bookings()).isEqualByComparingTo("40");
        assertThat(rep(large, "S2").matureBookings()).isEqualByComparingTo("80");
        assertThat(rep(large, "S2").retainedBookings()).isEqualByComparingTo("80");

        SalesQuality medium = query.fetch(new MetricFilter(from, to, "Sales", "4-10"));
        // S1: d6 20 booked; d1 100 retained of d1 + d2 300 mature. S2: d3 50 mature and retained, nothing booked
        assertThat(rep(medium, "S1").bookings()).isEqualByComparingTo("20");
        assertThat(rep(medium, "S1").matureBookings()).isEqualByComparingTo("300");
        assertThat(rep(medium, "S1").retainedBookings()).isEqualByComparingTo("100");
        assertThat(rep(medium, "S2").matureBookings()).isEqualByComparingTo("50");
        assertThat(rep(medium, "S2").bookings()).isEqualByComparingTo("0");
        assertThat(query.fetchRep(new MetricFilter(from, to, "Sales", "4-10"), "S1")).isEqualTo(rep(medium, "S1"));
    }

    @Test
    void eighteenMonthsEarnAndForfeitTheSecondHalves() {
        SalesQuality q = new SalesQualityQuery(jdbc).fetch(MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 30)));

        RepSales s1 = rep(q, "S1");
        // booked: d1 100 + d2 200 + d6 20 = 320
        assertThat(s1.bookings()).isEqualByComparingTo("320");
        // at close: 5 + 10 + 1 = 16; d1's second half earned (5), d2's forfeited (10), d6's pending (1)
        assertThat(s1.commission().earned()).isEqualByComparingTo("21.00");
        assertThat(s1.commission().forfeited()).isEqualByComparingTo("10.00");
        assertThat(s1.commission().pending()).isEqualByComparingTo("1.00");
    }

    @Test
    void theTwelfthMonthIsReadInTheOrganisationsTimeZone() {
        // in Athens (+02:00 in winter) d3 closed on 1 February 2023: its 12th month is February 2024,
        // when C has no revenue row (MRR 0): S2 keeps only d4 as retained, 80 / 130
        jdbc.sql("update settings set time_zone = 'Europe/Athens'").update();

        SalesQuality q = new SalesQualityQuery(jdbc).fetch(MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));

        RepSales s2 = rep(q, "S2");
        assertThat(s2.matureBookings()).isEqualByComparingTo("130");
        assertThat(s2.retainedBookings()).isEqualByComparingTo("80");
    }

    @Test
    void aTeamWithoutDealsHasAnEmptyTotalAndNoRetention() {
        SalesQuality q = new SalesQualityQuery(jdbc).fetch(
                MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)).withTeam("Support"));

        assertThat(q.reps()).isEmpty();
        assertThat(q.total().bookings()).isEqualByComparingTo("0");
        assertThat(q.total().bookingRetention()).as("0 / 0 is no value").isNull();
    }
}
