package io.tandem.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tandem.metrics.DifficultyTier;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketsQueryIT {

    private static final MetricFilter JAN = MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));

    /*
     * Default thresholds: hard at replies >= 4, handle minutes >= 60 or escalated; easy at replies <= 1 and
     * handle minutes <= 10 or unknown. Each ticket sits on one side of a boundary. All in 2024-W02 except k10.
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .supportRep("r1", "north").supportRep("r2", "south")
                .customer("c1", null).customer("c2", null)
                .supportTicket("k01", "c1", "r1", "2024-01-08T09:00:00Z", "2024-01-08T09:12:00Z", 3, "59.9", null, null)
                .supportTicket("k02", "c1", "r1", "2024-01-08T10:00:00Z", null, 4, null, null, null)
                .supportTicket("k03", "c1", "r1", "2024-01-08T11:00:00Z", null, 0, "60", null, null)
                .supportTicket("k04", "c1", "r1", "2024-01-08T12:00:00Z", null, 0, null, true, null)
                .supportTicket("k05", "c2", "r2", "2024-01-09T09:00:00Z", null, 1, "10", null, null)
                .supportTicket("k06", "c2", "r2", "2024-01-09T10:00:00Z", null, 1, null, null, null)
                .supportTicket("k07", "c2", "r2", "2024-01-09T11:00:00Z", null, 1, "10.1", null, null)
                .supportTicket("k08", "c2", "r2", "2024-01-09T12:00:00Z", null, 2, "0", null, null)
                .supportTicket("k09", "c2", null, "2024-01-09T13:00:00Z", null, null, "5", null, null)
                .supportTicket("k10", "c2", "r2", "2024-01-16T09:00:00Z", "2024-01-16T09:30:00Z", 0, "5", null, null);
    }

    @Test
    void tiersFollowTheThresholdsExactlyAtTheirBoundaries() {
        TicketPage page = new TicketsQuery(dataset().jdbc()).fetch(JAN, null, null, 100, 0);

        // k01 3 replies, 59.9 min: just under both hard bounds, above the easy ones: medium
        // k02 4 replies, k03 60 min, k04 escalated: hard
        // k05 1 reply, 10 min and k06 1 reply, minutes unknown: easy
        // k07 10.1 min and k08 2 replies: just over an easy bound: medium
        // k09 replies unknown: cannot be easy, not hard either: medium; k10 0 replies, 5 min: easy
        assertThat(page.tickets()).extracting(TicketRow::tier).containsExactly(
                DifficultyTier.MEDIUM, DifficultyTier.HARD, DifficultyTier.HARD, DifficultyTier.HARD,
                DifficultyTier.EASY, DifficultyTier.EASY, DifficultyTier.MEDIUM, DifficultyTier.MEDIUM,
                DifficultyTier.MEDIUM, DifficultyTier.EASY);
    }

    @Test
    void tiersUseTheThresholdsInSettings() {
        MetricsDataset data = dataset().difficulty(3, 30, 0, 5);

        List<TicketRow> tickets = new TicketsQuery(data.jdbc()).fetch(JAN, null, null, 100, 0).tickets();

        // hard at 3 replies or 30 minutes, easy at 0 replies and <= 5 minutes:
        // k01 (3 replies) hard; k05 (1 reply) medium; k10 (0 replies, 5 min) easy
        assertThat(tickets.get(0).tier()).isEqualTo(DifficultyTier.HARD);
        assertThat(tickets.get(4).tier()).isEqualTo(DifficultyTier.MEDIUM);
        assertThat(tickets.get(9).tier()).isEqualTo(DifficultyTier.EASY);
    }

    @Test
    void aWeekPagesItsTicketsWithTheTotal() {
        TicketsQuery query = new TicketsQuery(dataset().jdbc());

        // 2024-W02 holds k01-k09: 9 tickets; page 2 of 4 holds k05-k08
        TicketPage page = query.fetch(JAN, "2024-W02", null, 4, 4);
        assertThat(page.total()).isEqualTo(9);
        assertThat(page.tickets()).extracting(TicketRow::externalId).containsExactly("k05", "k06", "k07", "k08");
        // past the end: no rows, the total still known
        TicketPage past = query.fetch(JAN, "2024-W02", null, 4, 20);
        assertThat(past.total()).isEqualTo(9);
        assertThat(past.tickets()).isEmpty();
    }

    @Test
    void aRepsTicketsCarryTheirFields() {
        TicketPage page = new TicketsQuery(dataset().jdbc()).fetch(JAN, null, "r1", 2, 0);

        // r1: k01-k04; k01 answered after 12 minutes with 3 replies; k02 unanswered: no FRT, not 0
        assertThat(page.total()).isEqualTo(4);
        TicketRow k01 = page.tickets().get(0);
        assertThat(k01.externalId()).isEqualTo("k01");
        assertThat(k01.firstResponseMinutes()).isEqualByComparingTo("12");
        assertThat(k01.replies()).isEqualTo(3);
        assertThat(k01.rep()).isEqualTo("r1");
        assertThat(k01.customer()).isEqualTo("c1");
        assertThat(k01.openedAt().toInstant()).isEqualTo(java.time.Instant.parse("2024-01-08T09:00:00Z"));
        assertThat(page.tickets().get(1).firstResponseMinutes()).isNull();
    }

    @Test
    void teamFilterLeavesOutTicketsWithoutARep() {
        // south: r2's k05-k08 and k10; k09 has no rep and appears only without a team filter
        TicketPage page = new TicketsQuery(dataset().jdbc()).fetch(JAN.withTeam("south"), null, null, 100, 0);

        assertThat(page.tickets()).extracting(TicketRow::externalId).containsExactly("k05", "k06", "k07", "k08", "k10");
    }

    @Test
    void everyTicketOfTheSelectionIsHandedOverInPageOrder() {
        TicketsQuery query = new TicketsQuery(dataset().jdbc());
        List<TicketRow> streamed = new ArrayList<>();

        query.forEach(JAN, "2024-W02", null, streamed::add);

        // 2024-W02 holds k01-k09: the rows of its pages, in their order
        assertThat(streamed).extracting(TicketRow::externalId)
                .containsExactly("k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09");
        assertThat(streamed).isEqualTo(query.fetch(JAN, "2024-W02", null, 100, 0).tickets());
    }

    @Test
    void aWeekOutsideTheRangeHandsOverNothing() {
        List<TicketRow> streamed = new ArrayList<>();

        new TicketsQuery(dataset().jdbc()).forEach(JAN, "2024-W10", "r1", streamed::add);

        assertThat(streamed).isEmpty();
    }

    @Test
    void pagesOutsideTheLimitsAreRejected() {
        TicketsQuery query = new TicketsQuery(MetricsDataset.fresh().jdbc());

        assertThatIllegalArgumentException().isThrownBy(() -> query.fetch(JAN, null, null, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> query.fetch(JAN, null, null, 1001, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> query.fetch(JAN, null, null, 10, -1));
    }
}
