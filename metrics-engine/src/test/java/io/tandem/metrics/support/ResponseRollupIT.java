package io.tandem.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ResponseVsVolumeQuery gives the same figures from the rollup rep_week (whole weeks from the table, the
 * partial weeks at the edges from raw rows; any team and segment filter) as from raw rows alone, on data with the edge cases of
 * metrics.md section 2: unanswered tickets, tickets without a rep, prospects, one customer helped by
 * several reps in a week, unknown replies, escalations, openings near week ends in the organisation's time
 * zone; and still after writes that move tickets between reps, weeks and tiers.
 */
class ResponseRollupIT {

    private static final List<MetricFilter> FILTERS = List.of(
            // whole weeks only: Monday 1 January to Sunday 28 January 2024
            MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 28)),
            // a month: partial weeks at both ends
            MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
            // shorter than a week, inside one week; and across two weeks without a whole one
            MetricFilter.of(LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 11)),
            MetricFilter.of(LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 16)),
            MetricFilter.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31)),
            MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).withTeam("north"),
            MetricFilter.of(LocalDate.of(2023, 12, 20), LocalDate.of(2024, 2, 10)).withTeam("south"),
            MetricFilter.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
            new MetricFilter(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31), null, "4-10"),
            new MetricFilter(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), null, "11+"),
            new MetricFilter(LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 16), "north", "unknown"),
            new MetricFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), "south", "1-3"));

    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("n1", "north").supportRep("n2", "north").supportRep("s1", "south")
                .account("A", "2023-01-01T00:00:00Z", null, 5, null)
                .account("B", "2023-01-01T00:00:00Z", null, 12, null)
                .account("U", "2023-01-01T00:00:00Z", null, null, null)
                .customer("c1", "A").customer("c2", "U").customer("c3", "B").customer("p", null);
        String[] reps = {"n1", "n2", "s1", null};
        String[] customers = {"c1", "c2", "c3", "p", "c1"};
        for (int i = 0; i < 80; i++) {
            // opened every ~26 hours from 28 December 2023, many late on a Sunday evening (UTC)
            String opened = LocalDate.of(2023, 12, 28).plusDays(i * 13L / 12).atTime(20 + i % 4, 30) + ":00Z";
            String responded = i % 6 == 5 ? null : opened.replace(":30:00Z", ":" + (31 + i * 7 % 28) + ":00Z");
            Integer replies = i % 9 == 0 ? null : i % 6;
            String minutes = i % 5 == 0 ? null : String.valueOf(i * 3 % 80);
            data.supportTicket("t" + i, customers[i % 5], reps[i % 4], opened, responded, replies, minutes,
                    i % 11 == 0, null);
        }
        return data;
    }

    private static void assertSameFiguresBothWays(MetricsDataset data) {
        ResponseVsVolumeQuery query = new ResponseVsVolumeQuery(data.jdbc());
        for (MetricFilter filter : FILTERS) {
            ResponseVsVolume raw = query.fetchRaw(filter);
            assertThat(query.fetch(filter)).as(filter.toString()).isEqualTo(raw);
        }
        assertThat(data.jdbc().sql("select count(*) from rollup_differences()").query(Long.class).single()).isZero();
    }

    @Test
    void theRollupGivesTheFiguresOfRawRows() {
        MetricsDataset data = dataset();
        ResponseVsVolume all = new ResponseVsVolumeQuery(data.jdbc()).fetch(FILTERS.get(4));
        // the data reaches every part of the result: weeks with tickets, reps, unanswered, hard tickets
        assertThat(all.weeks().stream().mapToLong(ResponseWeek::tickets).sum()).isEqualTo(80);
        assertThat(all.weeks().stream().mapToLong(ResponseWeek::unanswered).sum()).isEqualTo(13);
        assertThat(all.reps()).hasSize(3);
        assertThat(all.loadBalance().repCount()).isEqualTo(3);
        assertThat(all.reps()).allSatisfy(rep -> assertThat(rep.hardShare().hasValue()).isTrue());
        assertSameFiguresBothWays(data);

        data.timeZone("Asia/Tokyo");
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameAfterWritesThatMoveTickets() {
        MetricsDataset data = dataset().timeZone("America/New_York");
        // tickets change rep and tier, one is answered late, another opens a week later, one changes customer
        data.jdbc().sql("update tickets set rep_id = (select id from reps where external_id = 's1'), agent_replies = 9"
                + " where external_id in ('t4', 't5')").update();
        data.jdbc().sql("update tickets set first_response_at = opened_at + interval '3 hours' where external_id = 't11'")
                .update();
        data.jdbc().sql("update tickets set opened_at = opened_at + interval '7 days',"
                + " first_response_at = first_response_at + interval '7 days' where external_id = 't16'").update();
        data.jdbc().sql("update tickets set customer_id = (select id from customers where external_id = 'p')"
                + " where external_id = 't20'").update();
        assertSameFiguresBothWays(data);

        // new thresholds re-tier every ticket; deletes take tickets away
        data.difficulty(3, 30, 2, 20);
        data.jdbc().sql("delete from tickets where external_id like 't3%'").update();
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameWhenAccountsChangeSegment() {
        MetricsDataset data = dataset();
        assertThat(new ResponseVsVolumeQuery(data.jdbc()).fetch(FILTERS.get(9)).reps())
                .as("the data has tickets of 11+ accounts").isNotEmpty();
        // seats move an account to another segment, another loses its seats, a ticket moves account
        data.jdbc().sql("update accounts set seats = 2 where external_id = 'B'").update();
        data.jdbc().sql("update accounts set seats = null where external_id = 'A'").update();
        data.jdbc().sql("update tickets set account_id = (select id from accounts where external_id = 'B')"
                + " where external_id = 't7'").update();
        assertSameFiguresBothWays(data);

        // new segment bounds put every account in another segment
        data.segmentBounds(1, 4);
        assertSameFiguresBothWays(data);
    }
}
