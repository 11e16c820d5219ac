package io.tandem.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricsDataset;
import io.tandem.metrics.ResultCache;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.sales.SalesQualityQuery;
import io.tandem.metrics.scorecard.Scorecard.Figure;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A support team of three in June 2024 (time zone UTC):
 * <pre>
 * rep  tickets in June (opened, first reply after)                    customers   account owned
 * P1   t1 c1 10 min, t2 c1 30 min, t3 c2 50 min (replies 1, 1, 2)   c1, c2      A (active a year before and now)
 * P2   t4 c3 20 min (replies 1)                                        c3          - (helped B: active a year before, gone now)
 * P3   t5 c1 40 min, t6 c2 unanswered (replies 2, 0)                  c1          -
 * </pre>
 * P2 starts in June 2024: every earlier period is before its first activity.
 */
class ScorecardsIT {

    private static final Period JUNE = new Period(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
    private JdbcClient jdbc;

    @BeforeEach
    void team() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("A", "2023-01-01T00:00:00Z", null, 3, null)
                .account("B", "2023-01-01T00:00:00Z", null, 3, null);
        jdbc = data.jdbc();
        jdbc.sql("insert into revenue (account_id, month, mrr) select a.id, m::date, 100 from accounts a,"
                + " generate_series('2023-01-01'::date, '2024-06-01'::date, interval '1 month') m where a.external_id = 'A'").update();
        jdbc.sql("insert into revenue (account_id, month, mrr) select a.id, m::date, 50 from accounts a,"
                + " generate_series('2023-01-01'::date, '2024-01-01'::date, interval '1 month') m where a.external_id = 'B'").update();
        for (String rep : List.of("P1", "P2", "P3")) {
            jdbc.sql("insert into reps (external_id, name, team, role) values (:r, :r, 'Support', 'support')")
                    .param("r", rep).update();
        }
        jdbc.sql("update accounts set owner_rep_id = (select id from reps where external_id = 'P1') where external_id = 'A'").update();
        data.customer("c1", "A").customer("c2", "A").customer("c3", "B");
        ticket("t1", "c1", "P1", "2024-06-03T09:00:00Z", 10, 1);
        ticket("t2", "c1", "P1", "2024-06-04T09:00:00Z", 30, 1);
        ticket("t3", "c2", "P1", "2024-06-05T09:00:00Z", 50, 2);
        ticket("t4", "c3", "P2", "2024-06-06T09:00:00Z", 20, 1);
        ticket("t5", "c1", "P3", "2024-06-07T09:00:00Z", 40, 2);
        ticket("t6", "c2", "P3", "2024-06-08T09:00:00Z", null, 0);
    }

    private void ticket(String id, String customer, String rep, String opened, Integer frtMinutes, int replies) {
        jdbc.sql("""
                insert into tickets (external_id, customer_id, account_id, rep_id, opened_at, first_response_at, agent_replies)
                select :id, c.id, c.account_id, r.id, :opened::timestamptz,
                       :opened::timestamptz + make_interval(mins => :frt), :replies
                from customers c, reps r where c.external_id = :customer and r.external_id = :rep""")
                .param("id", id).param("customer", customer).param("rep", rep).param("opened", opened)
                .param("frt", frtMinutes).param("replies", replies).update();
    }

    private Scorecards scorecards() {
        return new Scorecards(jdbc, new ResponseVsVolumeQuery(jdbc), new HappinessQuery(jdbc), new SalesQualityQuery(jdbc),
                new RepOutcomesQuery(jdbc), ResultCache.NONE);
    }

    private static Figure figure(List<Figure> row, String key) {
        return row.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aSupportRepAgainstTheTeamMedian() {
        Scorecard card = scorecards().of("P1", JUNE).orElseThrow();

        assertThat(card.role()).isEqualTo("support");
        assertThat(card.volume()).extracting(Figure::key).containsExactly("customersHelped", "tickets");
        // P1 helped c1, c2 = 2; P2 helped c3 = 1; P3 helped c1 (t6 unanswered) = 1: median of 2, 1, 1 = 1
        assertThat(figure(card.volume(), "customersHelped").value()).isEqualByComparingTo("2");
        assertThat(figure(card.volume(), "customersHelped").teamMedian()).isEqualByComparingTo("1");
        // tickets 3, 1, 2: median 2
        assertThat(figure(card.volume(), "tickets").teamMedian()).isEqualByComparingTo("2");
        // P1's first replies 10, 30, 50 min: median 30. Team medians per rep 30, 20, 40: median 30
        assertThat(figure(card.speed(), "medianFrtMinutes").value()).isEqualByComparingTo("30");
        assertThat(figure(card.speed(), "medianFrtMinutes").teamMedian()).isEqualByComparingTo("30");
        // replies per customer: P1 (1 + 1 + 2) / 2 = 2; P2 1 / 1 = 1; P3 2 / 1 = 2 (t6 got no reply): median 2
        assertThat(figure(card.speed(), "repliesPerCustomer").value()).isEqualByComparingTo("2");
        assertThat(figure(card.speed(), "repliesPerCustomer").teamMedian()).isEqualByComparingTo("2");
        // outcome: P1 owns A and helped A: active in June 2023 and June 2024: 1 of 1, NRR 100 / 100 = 1
        assertThat(figure(card.outcome(), "logoRetention").value()).isEqualByComparingTo("1");
        assertThat(figure(card.outcome(), "logoRetention").n()).isEqualTo(1);
        assertThat(figure(card.outcome(), "logoRetention").lowSample()).isTrue();
        assertThat(figure(card.outcome(), "nrr").value()).isEqualByComparingTo("1");
        // no ratings: the quality row has no values, never zeros
        assertThat(figure(card.quality(), "happiness").value()).isNull();
        assertThat(card.outcome()).extracting(Figure::key).containsExactly("logoRetention", "nrr");
    }

    @Test
    void aRepNewerThanSixPeriodsHasAnEmptyTrendBeforeTheirFirstActivity() {
        Scorecard card = scorecards().of("P2", JUNE).orElseThrow();

        assertThat(card.firstActivity()).isEqualTo(LocalDate.of(2024, 6, 6)); // t4
        Figure tickets = figure(card.volume(), "tickets");
        assertThat(tickets.trend()).hasSize(6);
        assertThat(tickets.trend().get(0).from()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(tickets.trend()).allSatisfy(p -> assertThat(p.value()).isNull());
        // P2 helped B (t4): active in June 2023, gone in June 2024: 0 of 1 retained, NRR 0 / 50 = 0
        assertThat(figure(card.outcome(), "logoRetention").value()).isEqualByComparingTo("0");
        assertThat(figure(card.outcome(), "nrr").value()).isEqualByComparingTo("0");
    }

    @Test
    void anEarlierPeriodShowsTheRepsOwnFiguresOfThatPeriod() {
        // July 2024 has no tickets; its trend ends with June, read for one rep at a time (not the team)
        Period july = new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31));
        Scorecard p1 = scorecards().of("P1", july).orElseThrow();
        Scorecard p3 = scorecards().of("P3", july).orElseThrow();

        assertThat(june(figure(p1.volume(), "customersHelped"))).isEqualByComparingTo("2");
        assertThat(june(figure(p1.volume(), "tickets"))).isEqualByComparingTo("3");
        assertThat(june(figure(p1.speed(), "medianFrtMinutes"))).isEqualByComparingTo("30");
        assertThat(june(figure(p1.speed(), "repliesPerCustomer"))).isEqualByComparingTo("2");
        assertThat(june(figure(p1.outcome(), "logoRetention"))).isEqualByComparingTo("1");
        assertThat(june(figure(p1.outcome(), "nrr"))).isEqualByComparingTo("1");
        // P3: t5 40 min and t6 unanswered: 2 tickets, median of the answered one 40, 2 replies to c1
        assertThat(june(figure(p3.volume(), "tickets"))).isEqualByComparingTo("2");
        assertThat(june(figure(p3.speed(), "medianFrtMinutes"))).isEqualByComparingTo("40");
        assertThat(june(figure(p3.speed(), "repliesPerCustomer"))).isEqualByComparingTo("2");
        // and July itself has no tickets: no value, and the team has none to take a median of
        assertThat(figure(p1.volume(), "tickets").value()).isNull();
    }

    private static java.math.BigDecimal june(Figure figure) {
        Scorecard.TrendPoint last = figure.trend().get(figure.trend().size() - 1);
        assertThat(last.from()).isEqualTo(JUNE.from());
        return last.value();
    }

    @Test
    void anUnknownRepHasNoScorecard() {
        assertThat(scorecards().of("nobody", JUNE)).isEmpty();
    }
}
