package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patterns the generated company plants (DemoDataGenerator), read straight from the tables so
 * that they hold whatever the dashboards later compute. The demo data and the scale data tests
 * both run them: both come from one simulation.
 */
interface PlantedPatterns {

    /** The database holding the generated company. */
    JdbcClient jdbc();

    private double number(String sql) {
        return jdbc().sql(sql).query(Double.class).single();
    }

    @Test
    default void movementsOfEveryKindOccur() {
        Map<String, Object> m = jdbc().sql("""
                with s as (
                    select mrr,
                           lag(mrr) over w as prev,
                           bool_or(mrr > 0) over (partition by account_id order by month
                                                  rows between unbounded preceding and 1 preceding) as had
                    from account_month_mrr
                    window w as (partition by account_id order by month)
                )
                select count(*) filter (where mrr > 0 and prev is null)          as new,
                       count(*) filter (where mrr > 0 and prev = 0 and had)      as reactivation,
                       count(*) filter (where prev > 0 and mrr > prev)           as expansion,
                       count(*) filter (where mrr > 0 and mrr < prev)            as contraction,
                       count(*) filter (where prev > 0 and mrr = 0)              as churn
                from s""").query().singleRow();
        assertThat(m.values()).allSatisfy(v -> assertThat(((Number) v).longValue()).isPositive());
    }

    @Test
    default void olderAccountsPayMore() {
        double ageZero = number(arpuAtAge(0));
        double ageTwentyFour = number(arpuAtAge(24));
        assertThat(ageTwentyFour).isGreaterThan(ageZero * 1.15);
    }

    private static String arpuAtAge(int age) {
        return """
                with cohort as (
                    select account_id, min(month) as first_month from account_month_mrr where mrr > 0 group by 1
                )
                select avg(m.mrr)
                from account_month_mrr m
                join cohort c using (account_id)
                where m.mrr > 0 and m.month = (c.first_month + interval '%d months')::date
                """.formatted(age);
    }

    @Test
    default void harderTicketsGetLowerRatings() {
        String score = """
                select 100.0 * (count(*) filter (where r.rating = 'great') - count(*) filter (where r.rating = 'not_good'))
                       / count(*)
                from ratings r join tickets t on t.id = r.ticket_id
                where %s""";
        double hard = number(score.formatted("t.agent_replies >= 4 or t.handle_minutes >= 60 or t.escalated"));
        double easy = number(score.formatted("t.agent_replies <= 1 and coalesce(t.handle_minutes, 0) <= 10 and not t.escalated"));
        assertThat(easy - hard).isGreaterThan(30);
    }

    @Test
    default void firstResponseRisesInBusyWeeks() {
        List<Double> medianByVolumeThird = jdbc().sql("""
                with weeks as (
                    select date_trunc('week', opened_at) as week,
                           count(*) as tickets,
                           percentile_cont(0.5) within group (order by first_response_at - opened_at) as frt
                    from tickets
                    where not presale and first_response_at is not null
                    group by 1
                )
                select extract(epoch from avg(frt)) / 60
                from (select *, ntile(3) over (order by tickets) as third from weeks) w
                group by third
                order by third""").query(Double.class).list();
        assertThat(medianByVolumeThird).isSorted();
        assertThat(medianByVolumeThird.get(2)).isGreaterThan(medianByVolumeThird.get(0) * 2);
    }

    @Test
    default void oneRepTakesMostOfTheHardTickets() {
        Map<String, Object> top = jdbc().sql("""
                select r.name, count(*)::float / sum(count(*)) over () as share
                from tickets t join reps r on r.id = t.rep_id
                where t.agent_replies >= 4 or t.handle_minutes >= 60 or t.escalated
                group by r.name
                order by 2 desc
                limit 1""").query().singleRow();
        assertThat(top.get("name")).isEqualTo("Morgan Hale");
        assertThat(((Number) top.get("share")).doubleValue()).isGreaterThan(0.5);
    }

    @Test
    default void accountsWithABadRatingChurnMore() {
        // accounts rated not_good in a month against accounts rated only great that month:
        // share still active three months later
        String retention = """
                with rated as (
                    select t.account_id, date_trunc('month', r.rated_at)::date as month,
                           bool_or(r.rating = 'not_good') as bad, bool_and(r.rating = 'great') as good
                    from ratings r join tickets t on t.id = r.ticket_id
                    where t.account_id is not null
                    group by 1, 2
                )
                select avg((coalesce(m.mrr, 0) > 0)::int)
                from rated g
                left join account_month_mrr m
                  on m.account_id = g.account_id and m.month = (g.month + interval '3 months')::date
                where %s and g.month + interval '3 months' <= (select month from reporting_horizon)""";
        assertThat(number(retention.formatted("g.bad"))).isLessThan(number(retention.formatted("g.good")) - 0.05);
    }

    @Test
    default void theBiggestBookerLosesManyAccountsWithinAYear() {
        List<Map<String, Object>> reps = jdbc().sql("""
                select r.name,
                       sum(d.amount) as bookings,
                       avg((a.churned_at is not null and a.churned_at < d.closed_at + interval '12 months')::int) as lost
                from deals d join reps r on r.id = d.rep_id join accounts a on a.id = d.account_id
                where d.type = 'new' and d.stage = 'won'
                group by r.name
                order by bookings desc""").query().listOfRows();
        assertThat(reps.get(0).get("name")).isEqualTo("Riley Chase");
        double topLost = ((Number) reps.get(0).get("lost")).doubleValue();
        assertThat(reps.subList(1, reps.size()))
                .allSatisfy(r -> assertThat(((Number) r.get("lost")).doubleValue()).isLessThan(topLost - 0.1));
    }
}
