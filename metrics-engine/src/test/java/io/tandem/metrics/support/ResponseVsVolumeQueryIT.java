package io.tandem.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResponseVsVolumeQueryIT {

    /** Wednesday 3 January to Sunday 21 January 2024: 2024-W01 is cut by the range, W02 and W03 are whole. */
    private static final MetricFilter JAN = MetricFilter.of(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 21));

    private static final BigDecimal TINY = new BigDecimal("0.0001");

    /*
     * Reps r1, r2 (north), r3, r4, r5 (south). Customers c1, c2, c3 of account A; p1 a prospect.
     * Default thresholds: hard at 4 replies or 60 minutes or escalated.
     *   W01 (partial): t0 Tue 2 Jan is before the range; t0b Thu 4 Jan r1 c1 FRT 30, 1 reply
     *   W02: t1 r1 c1 FRT 10, 2 replies; t2 r1 c1 FRT 20, 1; t3 r2 c2 FRT 60, 3; t4 r2 c3 unanswered
     *   W03: t5 r1 c1 FRT 5, 1; t6 r3 c2 FRT 15, 2; t7 r3 p1 FRT 25, 1; t8 r4 c3 FRT 45, 4 replies (hard)
     *   after the range: t9 Mon 22 Jan
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .supportRep("r1", "north").supportRep("r2", "north")
                .supportRep("r3", "south").supportRep("r4", "south").supportRep("r5", "south")
                .account("A", "2023-01-01T00:00:00Z", null, 5, "100")
                .customer("c1", "A").customer("c2", "A").customer("c3", "A").customer("p1", null)
                .supportTicket("t0", "c1", "r1", "2024-01-02T10:00:00Z", "2024-01-02T10:30:00Z", 1, null, null, null)
                .supportTicket("t0b", "c1", "r1", "2024-01-04T10:00:00Z", "2024-01-04T10:30:00Z", 1, null, null, null)
                .supportTicket("t1", "c1", "r1", "2024-01-08T10:00:00Z", "2024-01-08T10:10:00Z", 2, null, null, null)
                .supportTicket("t2", "c1", "r1", "2024-01-09T10:00:00Z", "2024-01-09T10:20:00Z", 1, null, null, null)
                .supportTicket("t3", "c2", "r2", "2024-01-10T10:00:00Z", "2024-01-10T11:00:00Z", 3, null, null, null)
                .supportTicket("t4", "c3", "r2", "2024-01-11T10:00:00Z", null, 0, null, null, null)
                .supportTicket("t5", "c1", "r1", "2024-01-15T09:00:00Z", "2024-01-15T09:05:00Z", 1, null, null, null)
                .supportTicket("t6", "c2", "r3", "2024-01-16T09:00:00Z", "2024-01-16T09:15:00Z", 2, null, null, null)
                .supportTicket("t7", "p1", "r3", "2024-01-17T09:00:00Z", "2024-01-17T09:25:00Z", 1, null, null, null)
                .supportTicket("t8", "c3", "r4", "2024-01-18T09:00:00Z", "2024-01-18T09:45:00Z", 4, null, null, null)
                .supportTicket("t9", "c3", "r5", "2024-01-22T09:00:00Z", "2024-01-22T09:45:00Z", 1, null, null, null);
    }

    @Test
    void weeksGiveMedianAndP90OverAnsweredTicketsWithUnansweredApart() {
        ResponseVsVolume result = new ResponseVsVolumeQuery(dataset().jdbc()).fetch(JAN);

        assertThat(result.weeks()).extracting(ResponseWeek::week).containsExactly("2024-W01", "2024-W02", "2024-W03");
        assertThat(result.weeks()).extracting(ResponseWeek::partial).containsExactly(true, false, false);
        assertThat(result.weeks().get(0).startsOn()).isEqualTo(LocalDate.of(2024, 1, 1));

        // W01, cut by the range: only t0b (4 Jan) counts, t0 (2 Jan) is before `from`
        ResponseWeek w01 = result.weeks().get(0);
        assertThat(w01.tickets()).isEqualTo(1);
        assertThat(w01.medianFrtMinutes()).isEqualByComparingTo("30");

        // W02, odd count: FRT {10, 20, 60}, t4 unanswered is counted apart, not as 0.
        // median = 20; p90 at rank 0.9 x (3 - 1) = 1.8: 20 + 0.8 x (60 - 20) = 52; mean 90 / 3 = 30
        // customers helped: c1 (t1, t2) and c2 (t3) = 2, not 3 tickets; c3 only has the unanswered t4
        // replies per customer: (2 + 1 + 3) / 2 = 3
        ResponseWeek w02 = result.weeks().get(1);
        assertThat(w02.tickets()).isEqualTo(4);
        assertThat(w02.unanswered()).isEqualTo(1);
        assertThat(w02.medianFrtMinutes()).isEqualByComparingTo("20");
        assertThat(w02.p90FrtMinutes()).isEqualByComparingTo("52");
        assertThat(w02.meanFrtMinutes()).isEqualByComparingTo("30");
        assertThat(w02.customersHelped()).isEqualTo(2);
        assertThat(w02.repliesPerCustomer()).isEqualByComparingTo("3");

        // W03, even count: FRT {5, 15, 25, 45}: median (15 + 25) / 2 = 20;
        // p90 at rank 0.9 x 3 = 2.7: 25 + 0.7 x (45 - 25) = 39; mean 90 / 4 = 22.5
        // customers helped c1, c2, p1 (a prospect still counts here), c3 = 4; replies (1 + 2 + 1 + 4) / 4 = 2
        ResponseWeek w03 = result.weeks().get(2);
        assertThat(w03.tickets()).isEqualTo(4);
        assertThat(w03.unanswered()).isZero();
        assertThat(w03.medianFrtMinutes()).isEqualByComparingTo("20");
        assertThat(w03.p90FrtMinutes()).isEqualByComparingTo("39");
        assertThat(w03.meanFrtMinutes()).isEqualByComparingTo("22.5");
        assertThat(w03.customersHelped()).isEqualTo(4);
        assertThat(w03.repliesPerCustomer()).isEqualByComparingTo("2");
    }

    @Test
    void repsCountDistinctCustomersHelpedNotTickets() {
        ResponseVsVolume result = new ResponseVsVolumeQuery(dataset().jdbc()).fetch(JAN);

        assertThat(result.reps()).extracting(RepResponse::rep).containsExactly("r1", "r2", "r3", "r4");
        // r1: t0b, t1, t2, t5 all for c1: 4 tickets, 1 customer helped; FRT {5, 10, 20, 30}: median 15,
        // p90 at rank 2.7: 20 + 0.7 x 10 = 27; replies (1 + 2 + 1 + 1) / 1 = 5; no hard ticket: 0 / 4
        RepResponse r1 = result.reps().get(0);
        assertThat(r1.tickets()).isEqualTo(4);
        assertThat(r1.customersHelped()).isEqualTo(1);
        assertThat(r1.medianFrtMinutes()).isEqualByComparingTo("15");
        assertThat(r1.p90FrtMinutes()).isEqualByComparingTo("27");
        assertThat(r1.repliesPerCustomer()).isEqualByComparingTo("5");
        assertThat(r1.hardShare().value()).isEqualByComparingTo("0");
        assertThat(r1.hardShare().n()).isEqualTo(4);
        // r2: t3 answered (c2), t4 unanswered (c3): 1 helped, median = p90 = 60, replies 3 / 1
        RepResponse r2 = result.reps().get(1);
        assertThat(r2.tickets()).isEqualTo(2);
        assertThat(r2.unanswered()).isEqualTo(1);
        assertThat(r2.customersHelped()).isEqualTo(1);
        assertThat(r2.medianFrtMinutes()).isEqualByComparingTo("60");
        assertThat(r2.repliesPerCustomer()).isEqualByComparingTo("3");
        // r3: c2 and p1: 2 helped; FRT {15, 25}: median 20, p90 15 + 0.9 x 10 = 24; replies (2 + 1) / 2 = 1.5
        RepResponse r3 = result.reps().get(2);
        assertThat(r3.customersHelped()).isEqualTo(2);
        assertThat(r3.medianFrtMinutes()).isEqualByComparingTo("20");
        assertThat(r3.p90FrtMinutes()).isEqualByComparingTo("24");
        assertThat(r3.repliesPerCustomer()).isEqualByComparingTo("1.5");
        // r4: t8 has 4 replies, exactly the hard threshold: 1 / 1
        assertThat(result.reps().get(3).hardShare().value()).isEqualByComparingTo("1");
    }

    @Test
    void teamFilterKeepsTheTicketsOfTheTeamsReps() {
        ResponseVsVolume result = new ResponseVsVolumeQuery(dataset().jdbc()).fetch(JAN.withTeam("south"));

        // south: r3 (t6, t7) and r4 (t8), all in W03; W01 and W02 hold nothing: no FRT, no replies per
        // customer (absent, not 0)
        assertThat(result.reps()).extracting(RepResponse::rep).containsExactly("r3", "r4");
        ResponseWeek w02 = result.weeks().get(1);
        assertThat(w02.tickets()).isZero();
        assertThat(w02.customersHelped()).isZero();
        assertThat(w02.medianFrtMinutes()).isNull();
        assertThat(w02.p90FrtMinutes()).isNull();
        assertThat(w02.meanFrtMinutes()).isNull();
        assertThat(w02.repliesPerCustomer()).isNull();
        // W03: FRT {15, 25, 45}: median 25; customers c2, p1, c3
        ResponseWeek w03 = result.weeks().get(2);
        assertThat(w03.tickets()).isEqualTo(3);
        assertThat(w03.medianFrtMinutes()).isEqualByComparingTo("25");
        assertThat(w03.customersHelped()).isEqualTo(3);
    }

    @Test
    void weeksAreIsoWeeksInTheOrganisationsTimeZone() {
        // Sunday 14 Jan 23:30 UTC is Monday 15 Jan 00:30 in Berlin (+01:00)
        MetricsDataset data = dataset()
                .supportTicket("edge", "c2", "r5", "2024-01-14T23:30:00Z", "2024-01-14T23:40:00Z", 1, null, null, null);
        ResponseVsVolumeQuery query = new ResponseVsVolumeQuery(data.jdbc());

        // UTC: W02 gains it (4 + 1), W03 keeps 4
        ResponseVsVolume utc = query.fetch(JAN);
        assertThat(utc.weeks().get(1).tickets()).isEqualTo(5);
        assertThat(utc.weeks().get(2).tickets()).isEqualTo(4);

        data.timeZone("Europe/Berlin");
        // Berlin: the range's days are Berlin days too; every other ticket is at 09:00-11:00 UTC, so only
        // the edge ticket moves: W02 4, W03 4 + 1
        ResponseVsVolume berlin = query.fetch(JAN);
        assertThat(berlin.weeks().get(1).tickets()).isEqualTo(4);
        assertThat(berlin.weeks().get(2).tickets()).isEqualTo(5);
    }

    @Test
    void loadBalanceIsFlaggedOnlyAboveHalfOfTheHardTickets() {
        /*
         * Five reps, so the busiest fifth is one rep. Hard tickets: b1 two (4 replies; 60 handle minutes),
         * b2 one (escalated), b3 one (5 replies), b4 and b5 none (one easy ticket each).
         */
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("b1", "north").supportRep("b2", "north").supportRep("b3", "north")
                .supportRep("b4", "north").supportRep("b5", "north")
                .customer("c", null)
                .supportTicket("h1", "c", "b1", "2024-01-08T10:00:00Z", "2024-01-08T10:10:00Z", 4, null, null, null)
                .supportTicket("h2", "c", "b1", "2024-01-09T10:00:00Z", "2024-01-09T10:10:00Z", 1, "60", null, null)
                .supportTicket("h3", "c", "b2", "2024-01-10T10:00:00Z", "2024-01-10T10:10:00Z", 0, null, true, null)
                .supportTicket("h4", "c", "b3", "2024-01-11T10:00:00Z", "2024-01-11T10:10:00Z", 5, null, null, null)
                .supportTicket("e1", "c", "b4", "2024-01-12T10:00:00Z", "2024-01-12T10:10:00Z", 1, null, null, null)
                .supportTicket("e2", "c", "b5", "2024-01-12T11:00:00Z", "2024-01-12T11:10:00Z", 1, null, null, null);
        ResponseVsVolumeQuery query = new ResponseVsVolumeQuery(data.jdbc());

        // b1 carries 2 of 4 = exactly 50%: not above, not flagged
        LoadBalance even = query.fetch(JAN).loadBalance();
        assertThat(even.repCount()).isEqualTo(5);
        assertThat(even.reps()).containsExactly("b1");
        assertThat(even.topFifthHardShare().value()).isEqualByComparingTo("0.5");
        assertThat(even.flagged()).isFalse();

        // one more hard ticket for b1: 3 of 5 = 60%, flagged
        data.supportTicket("h5", "c", "b1", "2024-01-15T10:00:00Z", "2024-01-15T10:10:00Z", 4, null, null, null);
        LoadBalance heavy = query.fetch(JAN).loadBalance();
        assertThat(heavy.topFifthHardShare().numerator()).isEqualTo(3);
        assertThat(heavy.topFifthHardShare().n()).isEqualTo(5);
        assertThat(heavy.flagged()).isTrue();
        assertThat(heavy.reps()).containsExactly("b1");
    }

    @Test
    void noHardTicketsGiveNoLoadBalanceShare() {
        ResponseVsVolume result = new ResponseVsVolumeQuery(dataset().jdbc()).fetch(JAN.withTeam("north"));

        // north (r1, r2) has no hard ticket: 0 / 0 is absent, and not flagged
        assertThat(result.loadBalance().topFifthHardShare().hasValue()).isFalse();
        assertThat(result.loadBalance().flagged()).isFalse();
    }

    @Test
    void elasticityIsTheLogLogSlopeOfWeeklyMedianFrtOnVolume() {
        /*
         * Range 3-28 January: W01 partial, W02-W04 whole. W02: 1 ticket with FRT 10; W03: 2 tickets with FRT
         * 20; W04: 4 tickets with FRT 40. Volume and median both double each week:
         * ln(median) = ln(10) + 1 x ln(tickets), so the slope b = 1 over n = 3 weeks; +10% volume goes with
         * 1.1^1 - 1 = 0.10 more median FRT. The partial W01 (one ticket, FRT 500) stays out.
         */
        MetricsDataset data = MetricsDataset.fresh().supportRep("r", "north").customer("c", null)
                .supportTicket("p", "c", "r", "2024-01-05T10:00:00Z", "2024-01-05T18:20:00Z", 1, null, null, null)
                .supportTicket("a", "c", "r", "2024-01-08T10:00:00Z", "2024-01-08T10:10:00Z", 1, null, null, null);
        for (int i = 0; i < 2; i++) {
            data.supportTicket("b" + i, "c", "r", "2024-01-16T1" + i + ":00:00Z", "2024-01-16T1" + i + ":20:00Z", 1, null, null, null);
        }
        for (int i = 0; i < 4; i++) {
            data.supportTicket("d" + i, "c", "r", "2024-01-23T1" + i + ":00:00Z", "2024-01-23T1" + i + ":40:00Z", 1, null, null, null);
        }

        FrtElasticity elasticity = new ResponseVsVolumeQuery(data.jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 28))).elasticity();

        assertThat(elasticity.weeks()).isEqualTo(3);
        assertThat(elasticity.slope()).isCloseTo(BigDecimal.ONE, within(TINY));
        assertThat(elasticity.frtRisePer10PctVolume()).isCloseTo(new BigDecimal("0.1"), within(TINY));
    }

    @Test
    void elasticityIsAbsentWhenEveryWeekHasTheSameVolume() {
        // W02 and W03 of the main dataset both have 4 tickets: no spread in volume, no slope
        FrtElasticity elasticity = new ResponseVsVolumeQuery(dataset().jdbc()).fetch(JAN).elasticity();

        assertThat(elasticity.weeks()).isEqualTo(2);
        assertThat(elasticity.slope()).isNull();
        assertThat(elasticity.frtRisePer10PctVolume()).isNull();
    }
}
