package io.tandem.metrics.happiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.metrics.DifficultyTier;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class HappinessQueryIT {

    private static final MetricFilter JAN_FEB = MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29));

    private static final BigDecimal TINY = new BigDecimal("0.0001");

    private static final int HARD = 4;
    private static final int MEDIUM = 2;
    private static final int EASY = 1;

    /*
     * Reps: h (north) takes only hard tickets; e and m (south). Hard = 4 replies, easy = 1 reply, medium = 2.
     *   h: 10 hard tickets, rated in January: 4 great, 3 ok, 3 not good           -> raw score 10
     *   m: 10 hard tickets assigned to h, but the ratings name m (credited to m), January: 0 great, 2 ok, 8 not good
     *      10 easy tickets of m, January: 10 great
     *   e: 10 easy tickets, February: 8 great, 1 ok, 1 not good                    -> raw score 70
     *   nobody: 1 medium ticket without a rep, rating without a rep, February: great
     *   outside: 1 rating of e given in March, and 2 closed tickets of e without a rating
     * Every rated ticket is closed on its rating day.
     */
    private static MetricsDataset dataset() {
        MetricsDataset data = MetricsDataset.fresh()
                .supportRep("h", "north").supportRep("e", "south").supportRep("m", "south")
                .customer("c", null);
        rated(data, "h", "h", null, HARD, "2024-01-10", "great", 4, "ok", 3, "not_good", 3);
        rated(data, "mh", "h", "m", HARD, "2024-01-11", "ok", 2, "not_good", 8);
        rated(data, "me", "m", null, EASY, "2024-01-12", "great", 10);
        rated(data, "e", "e", null, EASY, "2024-02-10", "great", 8, "ok", 1, "not_good", 1);
        rated(data, "x", null, null, MEDIUM, "2024-02-11", "great", 1);
        rated(data, "late", "e", null, EASY, "2024-03-05", "not_good", 1);
        data.supportTicket("u1", "c", "e", "2024-02-12T09:00:00Z", "2024-02-12T09:10:00Z", 1, null, null, "2024-02-12T12:00:00Z")
                .supportTicket("u2", "c", "e", "2024-02-13T09:00:00Z", "2024-02-13T09:10:00Z", 1, null, null, "2024-02-13T12:00:00Z");
        return data;
    }

    /** Tickets of {@code ticketRep} with {@code replies}, each rated on {@code day}; pairs of rating and count. */
    private static void rated(MetricsDataset data, String prefix, String ticketRep, String ratingRep, int replies,
                              String day, Object... ratingsAndCounts) {
        int i = 0;
        for (int k = 0; k < ratingsAndCounts.length; k += 2) {
            for (int j = 0; j < (Integer) ratingsAndCounts[k + 1]; j++, i++) {
                String id = prefix + "-" + i;
                data.supportTicket(id, "c", ticketRep, day + "T09:00:00Z", day + "T09:10:00Z", replies, null, null,
                                day + "T12:00:00Z")
                        .rating(id, (String) ratingsAndCounts[k], day + "T13:00:00Z", ratingRep);
            }
        }
    }

    @Test
    void teamScoreCountsEveryRatingInTheRangeWithItsInterval() {
        Happiness result = new HappinessQuery(dataset().jdbc()).fetch(JAN_FEB);

        // 41 ratings in range (the March one is out): great 4 + 0 + 10 + 8 + 1 = 23, ok 3 + 2 + 1 = 6,
        // not good 3 + 8 + 1 = 12; score (23 - 12) / 41 x 100 = 26.8293
        // Wilson: great 23/41 [0.4104, 0.7011], not good 12/41 [0.1761, 0.4448]:
        // low 100 x (0.4104 - 0.4448) = -3.44, high 100 x (0.7011 - 0.1761) = 52.50
        // rating rate: closed in range 41 rated + 2 unrated = 43: 41 / 43
        TeamHappiness team = result.team();
        assertThat(team.n()).isEqualTo(41);
        assertThat(team.great()).isEqualTo(23);
        assertThat(team.ok()).isEqualTo(6);
        assertThat(team.notGood()).isEqualTo(12);
        assertThat(team.score()).isCloseTo(new BigDecimal("26.8293"), within(TINY));
        assertThat(team.low()).isCloseTo(new BigDecimal("-3.44"), within(new BigDecimal("0.01")));
        assertThat(team.high()).isCloseTo(new BigDecimal("52.50"), within(new BigDecimal("0.01")));
        assertThat(team.lowSample()).isFalse();
        assertThat(team.ratingRate().numerator()).isEqualTo(41);
        assertThat(team.ratingRate().n()).isEqualTo(43);
    }

    @Test
    void tierScoresAreTheTeamsOnEachTiersTickets() {
        List<TierHappiness> tiers = new HappinessQuery(dataset().jdbc()).fetch(JAN_FEB).tiers();

        // easy: m 10 great + e 8 great, 1 ok, 1 not good = 20: (18 - 1) / 20 = 85
        // medium: the unassigned great = 1: 100
        // hard: h 4 great, 3 ok, 3 not good + m 0, 2, 8 = 20: (4 - 11) / 20 = -35
        assertThat(tiers).extracting(TierHappiness::tier)
                .containsExactly(DifficultyTier.EASY, DifficultyTier.MEDIUM, DifficultyTier.HARD);
        assertThat(tiers.get(0).score()).isEqualByComparingTo("85");
        assertThat(tiers.get(0).n()).isEqualTo(20);
        assertThat(tiers.get(1).score()).isEqualByComparingTo("100");
        assertThat(tiers.get(1).n()).isEqualTo(1);
        assertThat(tiers.get(2).score()).isEqualByComparingTo("-35");
        assertThat(tiers.get(2).n()).isEqualTo(20);
    }

    @Test
    void aRepWithOnlyHardTicketsAndALowerRawScoreHasAPositiveGap() {
        List<RepHappiness> reps = new HappinessQuery(dataset().jdbc()).fetch(JAN_FEB).reps();

        // the unassigned rating is in no rep's figures; m's hard ratings are m's, not h's (the rating names m)
        assertThat(reps).extracting(RepHappiness::rep).containsExactly("e", "h", "m");
        // h: raw (4 - 3) / 10 = 10; all hard: expected 10/10 x -35 = -35; gap 10 - (-35) = +45
        // Wilson great 4/10 [0.1682, 0.6873], not good 3/10 [0.1078, 0.6032]: [-43.50, 57.95]
        RepHappiness h = reps.get(1);
        assertThat(h.score()).isEqualByComparingTo("10");
        assertThat(h.expected()).isCloseTo(new BigDecimal("-35"), within(TINY));
        assertThat(h.gap()).isCloseTo(new BigDecimal("45"), within(TINY));
        assertThat(h.hardShare().value()).isEqualByComparingTo("1");
        assertThat(h.n()).isEqualTo(10);
        assertThat(h.low()).isCloseTo(new BigDecimal("-43.50"), within(new BigDecimal("0.01")));
        assertThat(h.high()).isCloseTo(new BigDecimal("57.95"), within(new BigDecimal("0.01")));
        assertThat(h.lowSample()).isTrue();
        // e: raw (8 - 1) / 10 = 70, higher than h's; all easy: expected 85; gap 70 - 85 = -15
        RepHappiness e = reps.get(0);
        assertThat(e.score()).isEqualByComparingTo("70");
        assertThat(e.expected()).isCloseTo(new BigDecimal("85"), within(TINY));
        assertThat(e.gap()).isCloseTo(new BigDecimal("-15"), within(TINY));
        assertThat(e.hardShare().value()).isEqualByComparingTo("0");
        // m: 20 ratings, great 10, ok 2, not good 8: raw (10 - 8) / 20 = 10;
        // expected 10/20 x -35 + 10/20 x 85 = 25; gap 10 - 25 = -15; hard share 10 / 20
        RepHappiness m = reps.get(2);
        assertThat(m.score()).isEqualByComparingTo("10");
        assertThat(m.expected()).isCloseTo(new BigDecimal("25"), within(TINY));
        assertThat(m.gap()).isCloseTo(new BigDecimal("-15"), within(TINY));
        assertThat(m.hardShare().value()).isEqualByComparingTo("0.5");
        assertThat(m.n()).isEqualTo(20);
    }

    @Test
    void teamFilterFollowsTheRepTheRatingIsCreditedTo() {
        Happiness result = new HappinessQuery(dataset().jdbc()).fetch(JAN_FEB.withTeam("south"));

        // south = e and m, with m's ratings on h's tickets; the unassigned rating only counts without a filter.
        // 30 ratings: great 10 + 8 = 18, ok 2 + 1 = 3, not good 8 + 1 = 9: (18 - 9) / 30 = 30
        assertThat(result.team().n()).isEqualTo(30);
        assertThat(result.team().score()).isEqualByComparingTo("30");
        // closed tickets credited to south: the 30 rated (m's hard ones follow their rating) + u1, u2 = 32
        assertThat(result.team().ratingRate().numerator()).isEqualTo(30);
        assertThat(result.team().ratingRate().n()).isEqualTo(32);
        // hard tier is only m's: (0 - 8) / 10 = -80; easy unchanged 85
        // m expected 10/20 x -80 + 10/20 x 85 = 2.5; gap 10 - 2.5 = 7.5
        assertThat(result.reps()).extracting(RepHappiness::rep).containsExactly("e", "m");
        RepHappiness m = result.reps().get(1);
        assertThat(m.expected()).isCloseTo(new BigDecimal("2.5"), within(TINY));
        assertThat(m.gap()).isCloseTo(new BigDecimal("7.5"), within(TINY));
        // no medium rating in south: the tier has no score, not 0
        assertThat(result.tiers().get(1).n()).isZero();
        assertThat(result.tiers().get(1).score()).isNull();
    }

    @Test
    void monthsTrendCoversEveryMonthOfTheRange() {
        List<HappinessMonth> months = new HappinessQuery(dataset().jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 2, 29))).months();

        // December: nothing (n 0, no score); January: h 10 + m 20 = 30, great 4 + 10 = 14, not good 3 + 8 = 11:
        // (14 - 11) / 30 = 10; February: e 10 + unassigned 1 = 11, great 9, not good 1: 8 / 11 = 72.7273
        assertThat(months).extracting(HappinessMonth::month)
                .containsExactly(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        assertThat(months.get(0).n()).isZero();
        assertThat(months.get(0).score()).isNull();
        assertThat(months.get(1).n()).isEqualTo(30);
        assertThat(months.get(1).score()).isEqualByComparingTo("10");
        assertThat(months.get(2).n()).isEqualTo(11);
        assertThat(months.get(2).score()).isCloseTo(new BigDecimal("72.7273"), within(TINY));
    }

    @Test
    void noRatingsAndNoClosedTicketsGiveNoScoreAndNoRatingRate() {
        Happiness result = new HappinessQuery(dataset().jdbc())
                .fetch(MetricFilter.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31)));

        assertThat(result.team().n()).isZero();
        assertThat(result.team().score()).isNull();
        assertThat(result.team().low()).isNull();
        assertThat(result.team().ratingRate().hasValue()).isFalse();
        assertThat(result.reps()).isEmpty();
    }
}
