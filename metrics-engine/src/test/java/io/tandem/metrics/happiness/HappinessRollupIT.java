package io.tandem.metrics.happiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HappinessQuery gives the same figures from the rollup rep_tier_month (whole months from the table, partial
 * ones from raw rows; any team and segment filter) as from raw rows, on data with the edge cases of metrics.md sections 2 and 3: ratings naming another
 * rep, ratings without a time, tickets and ratings without a rep, closed tickets without a rating,
 * unknown replies or minutes, escalations, events near month ends in the organisation's time zone; and
 * still after writes that move ratings between reps, tiers and months.
 */
class HappinessRollupIT {

    private static final List<MetricFilter> FILTERS = List.of(
            MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)),
            MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
            MetricFilter.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31)),
            MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).withTeam("north"),
            MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).withTeam("south"),
            MetricFilter.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
            new MetricFilter(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31), null, "4-10"),
            new MetricFilter(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 31), null, "11+"),
            new MetricFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), "north", "1-3"),
            new MetricFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29), null, "unknown"),
            // partial months at both edges; inside one month; across two months without a whole one
            new MetricFilter(LocalDate.of(2023, 12, 30), LocalDate.of(2024, 3, 10), "north", null),
            MetricFilter.of(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20)),
            new MetricFilter(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 14), null, "4-10"),
            MetricFilter.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 15)));

    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("n1", "north").supportRep("n2", "north").supportRep("s1", "south")
                .account("A", "2023-01-01T00:00:00Z", null, 5, null)
                .account("B", "2023-01-01T00:00:00Z", null, 12, null)
                .account("U", "2023-01-01T00:00:00Z", null, null, null)
                .customer("c", "A").customer("b", "B").customer("u", "U").customer("p", null);
        String[] customers = {"c", "p", "b", "c", "u"};
        String[] reps = {"n1", "n2", "s1", null};
        String[] ratings = {"great", "ok", "not_good", "great", "great"};
        for (int i = 0; i < 60; i++) {
            String id = "t" + i;
            String rep = reps[i % 4];
            // opened every ~36 hours from 28 December 2023, some on the last evening of a month (UTC)
            String opened = LocalDate.of(2023, 12, 28).plusDays(i * 3L / 2).atTime(21 + i % 3, 30) + ":00Z";
            String closed = i % 7 == 0 ? null : opened.replace(":30:00Z", ":55:00Z");
            Integer replies = i % 9 == 0 ? null : i % 6;
            String minutes = i % 5 == 0 ? null : String.valueOf(i * 3 % 80);
            data.supportTicket(id, customers[i % customers.length], rep, opened, null, replies, minutes, i % 11 == 0, closed);
            if (i % 3 != 2) {
                // a third of the ratings name a rep other than the ticket's; some have no time of their own
                String ratingRep = i % 3 == 1 ? reps[(i + 1) % 4] : null;
                String ratedAt = i % 8 == 0 ? null : opened.replace(":30:00Z", ":59:00Z");
                data.rating(id, ratings[i % 5], ratedAt, ratingRep);
            }
        }
        return data;
    }

    private static void assertSameFiguresBothWays(MetricsDataset data) {
        HappinessQuery query = new HappinessQuery(data.jdbc());
        for (MetricFilter filter : FILTERS) {
            Happiness raw = query.fetchRaw(filter);
            assertThat(query.fetch(filter)).as(filter.toString()).isEqualTo(raw);
        }
        assertThat(data.jdbc().sql("select count(*) from rollup_differences()").query(Long.class).single()).isZero();
    }

    @Test
    void theRollupGivesTheFiguresOfRawRows() {
        MetricsDataset data = dataset();
        Happiness all = new HappinessQuery(data.jdbc()).fetch(FILTERS.get(2));
        // the data reaches every part of the result: scores per tier, reps, months and the rating rate
        assertThat(all.team().n()).isEqualTo(40);
        assertThat(all.reps()).hasSize(3);
        assertThat(all.tiers()).allSatisfy(tier -> assertThat(tier.n()).isPositive());
        assertSameFiguresBothWays(data);

        data.timeZone("Europe/Berlin");
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameAfterWritesThatMoveRatings() {
        MetricsDataset data = dataset().timeZone("America/New_York");
        // a ticket changes rep and tier, another closes a month later, a rating changes and moves month
        data.jdbc().sql("update tickets set rep_id = (select id from reps where external_id = 's1'), agent_replies = 9"
                + " where external_id in ('t4', 't5')").update();
        data.jdbc().sql("update tickets set closed_at = closed_at + interval '31 days' where external_id = 't16'")
                .update();
        data.jdbc().sql("update ratings set rating = 'not_good', rated_at = rated_at + interval '20 days'"
                + " where ticket_id = (select id from tickets where external_id = 't10')").update();
        assertSameFiguresBothWays(data);

        // new thresholds re-tier every ticket; deletes take ratings and tickets away
        data.difficulty(3, 30, 2, 20);
        data.jdbc().sql("delete from ratings where ticket_id in (select id from tickets where external_id like 't2%')")
                .update();
        data.jdbc().sql("delete from tickets where external_id like 't2%'").update();
        assertSameFiguresBothWays(data);
    }

    @Test
    void theFiguresStayTheSameWhenAccountsChangeSegment() {
        MetricsDataset data = dataset();
        assertThat(new HappinessQuery(data.jdbc()).fetch(FILTERS.get(7)).team().n())
                .as("the data has ratings of 11+ accounts").isPositive();
        // seats move an account to another segment, another loses its seats, a ticket moves account
        data.jdbc().sql("update accounts set seats = 2 where external_id = 'B'").update();
        data.jdbc().sql("update accounts set seats = null where external_id = 'A'").update();
        data.jdbc().sql("update tickets set account_id = (select id from accounts where external_id = 'U')"
                + " where external_id = 't3'").update();
        assertSameFiguresBothWays(data);

        // new segment bounds put every account in another segment
        data.segmentBounds(1, 4);
        assertSameFiguresBothWays(data);
    }
}
