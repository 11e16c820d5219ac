package io.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.growth.Growth;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.happiness.Happiness;
import io.tandem.metrics.happiness.HappinessMonth;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.happiness.TierHappiness;
import io.tandem.metrics.indicators.IndicatorName;
import io.tandem.metrics.indicators.LeadingIndicators;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.retention.ChurnMonth;
import io.tandem.metrics.retention.CohortRetention;
import io.tandem.metrics.retention.CohortRetentionQuery;
import io.tandem.metrics.retention.LogoChurn;
import io.tandem.metrics.retention.LogoChurnQuery;
import io.tandem.metrics.revenue.ArpuByAge;
import io.tandem.metrics.revenue.ArpuByAgeQuery;
import io.tandem.metrics.revenue.MovementMonth;
import io.tandem.metrics.revenue.MrrMovements;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import io.tandem.metrics.revenue.RetentionMonth;
import io.tandem.metrics.revenue.RevenueRetention;
import io.tandem.metrics.revenue.RevenueRetentionQuery;
import io.tandem.metrics.segments.SegmentRow;
import io.tandem.metrics.segments.Segments;
import io.tandem.metrics.segments.SegmentsQuery;
import io.tandem.metrics.support.RepResponse;
import io.tandem.metrics.support.ResponseVsVolume;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import io.tandem.metrics.support.ResponseWeek;
import io.tandem.metrics.support.TicketsQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every query on a demo-sized company (2,000 accounts, three years, 20,000 tickets) generated with a
 * fixed seed: figures computed by different queries agree with each other. The exact figures are checked on hand-made datasets in each query's own test.
 */
class MetricQueriesAtScaleIT {

    private static final MetricFilter ALL = MetricFilter.of(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31));

    private static JdbcClient jdbc;

    @BeforeAll
    static void generateCompany() {
        jdbc = MetricsDataset.fresh().jdbc();
        jdbc.sql("select setseed(0.42)").query(Object.class).single();
        jdbc.sql("""
                insert into reps (external_id, name, team, role, annual_cost, high_touch)
                select 'rep-' || i, 'Rep ' || i, case when i % 2 = 0 then 'north' else 'south' end,
                       (array['support', 'sales', 'success'])[1 + i % 3], 60000 + i * 1000, i % 3 = 2
                from generate_series(1, 12) as i
                """).update();
        jdbc.sql("""
                insert into accounts (external_id, name, signed_up_at, churned_at, seats, mrr, owner_rep_id)
                select 'acc-' || i, 'Account ' || i,
                       s.signed,
                       case when i > 1500 and random() < 0.4 then s.signed + (random() * 700 || ' days')::interval end,
                       case when random() < 0.05 then null else 1 + (random() * 29)::int end,
                       case when i > 1500 then 20 + (random() * 300)::int end,
                       case when random() < 0.9 then 1 + (random() * 11)::int end
                from generate_series(1, 2000) as i
                cross join lateral (select timestamptz '2021-01-01' + (random() * 1090 || ' days')::interval
                                           + (i * 0)::int * interval '1 day' as signed) as s
                """).update();
        // accounts 1-1500 have a revenue history from their sign-up month: random length, gaps, changes
        jdbc.sql("""
                insert into revenue (account_id, month, mrr)
                select a.id, m::date, round((50 + a.id % 200) * (1 + 0.02 * (random() - 0.3) * k)::numeric, 2)
                from accounts a
                cross join lateral generate_series(0, (random() * 40)::int) as k
                cross join lateral (select date_trunc('month', a.signed_up_at) + k * interval '1 month' as m) as mm
                where a.id <= 1500
                  and m <= date '2023-12-01'
                  and random() > 0.08
                """).update();
        jdbc.sql("""
                insert into customers (external_id, account_id)
                select 'cust-' || a.id || '-' || j, a.id
                from accounts a
                cross join generate_series(1, 3) as j
                """).update();
        jdbc.sql("""
                insert into tickets (external_id, customer_id, account_id, rep_id, opened_at, first_response_at)
                select 'tick-' || i, c.id, c.account_id, 1 + i % 12, o.opened,
                       case when random() < 0.95 then o.opened + (random() * 3000 || ' minutes')::interval end
                from generate_series(1, 20000) as i
                cross join lateral (select id, account_id from customers where id = 1 + (i * 7919) % 6000) as c
                cross join lateral (select timestamptz '2021-01-01' + (random() * 1090 || ' days')::interval
                                           + (i * 0)::int * interval '1 day' as opened) as o
                """).update();
        jdbc.sql("""
                insert into ratings (ticket_id, rating, rated_at)
                select t.id, (array['great', 'ok', 'not_good'])[1 + (random() * 2.4)::int], t.opened_at + interval '1 day'
                from tickets t
                where t.id % 20 < 9
                """).update();
    }

    @Test
    void movementsAddUpToTheChangeInMrrEveryMonth() {
        MrrMovements movements = run(() -> new MrrMovementsQuery(jdbc).fetch(ALL));

        assertThat(movements.months()).hasSize(36);
        for (int i = 1; i < movements.months().size(); i++) {
            MovementMonth previous = movements.months().get(i - 1);
            MovementMonth m = movements.months().get(i);
            assertThat(m.netNew()).as("net new %s", m.month()).isEqualByComparingTo(m.mrr().subtract(previous.mrr()));
            assertThat(m.contraction().signum()).isLessThanOrEqualTo(0);
            assertThat(m.churn().signum()).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void churnAndCohortsAgreeOnActiveAccounts() {
        LogoChurn churn = run(() -> new LogoChurnQuery(jdbc).fetch(ALL));
        CohortRetention cohorts = run(() -> new CohortRetentionQuery(jdbc).fetch(ALL));

        // every cohort's first cell is the whole cohort, and later cells never exceed it
        cohorts.cohorts().forEach(c -> {
            assertThat(c.retention().get(0)).isEqualByComparingTo("1");
            assertThat(c.retention()).allSatisfy(r -> assertThat(r).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
        });
        // the December 2021 cohort has 25 cells: ages 0 (Dec 2021) to 24 (Dec 2023, month(to))
        assertThat(cohorts.cohorts()).filteredOn(c -> c.cohort().getYear() == 2021 && c.cohort().getMonthValue() == 12)
                .singleElement().satisfies(c -> assertThat(c.retention()).hasSize(25));
        assertThat(churn.months()).extracting(ChurnMonth::churned).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(churn.trailing12Rate().n()).isPositive();
    }

    @Test
    void grrNeverExceedsNrrOrOne() {
        RevenueRetention retention = run(() -> new RevenueRetentionQuery(jdbc).fetch(ALL));

        assertThat(retention.months()).filteredOn(m -> m.n() > 0).isNotEmpty().allSatisfy(m -> {
            assertThat(m.grr()).isLessThanOrEqualTo(m.nrr());
            assertThat(m.grr()).isLessThanOrEqualTo(BigDecimal.ONE);
        });
        assertThat(retention.months()).filteredOn(m -> m.n() == 0).extracting(RetentionMonth::nrr).containsOnlyNulls();
    }

    @Test
    void segmentsPartitionTheActiveAccounts() {
        Segments segments = run(() -> new SegmentsQuery(jdbc).fetch(ALL));
        Growth growth = run(() -> new GrowthQuery(jdbc).fetch(ALL));
        long total = jdbc.sql("""
                        select count(*) from account_month_mrr where month = date '2023-12-01' and mrr > 0
                        """).query(Long.class).single();

        assertThat(segments.segments().stream().mapToLong(SegmentRow::activeAccounts).sum()).isEqualTo(total);
        assertThat(growth.arpa()).isPositive();
        assertThat(growth.ltv()).isPositive();
    }

    @Test
    void ageCurvesAndIndicatorsRunOnAllHistory() {
        ArpuByAge arpu = run(() -> new ArpuByAgeQuery(jdbc).fetch(ALL));
        LeadingIndicators indicators = run(() -> new LeadingIndicatorsQuery(jdbc).fetch(ALL));

        // age 0: every account of a cohort in the range is active at age 0, so both figures agree
        assertThat(arpu.ages().get(0).n()).isEqualTo(arpu.ages().get(0).startingAccounts());
        assertThat(arpu.ages().get(0).arpu()).isEqualByComparingTo(arpu.ages().get(0).revenuePerStartingAccount());
        assertThat(indicators.indicators()).hasSize(5)
                .filteredOn(i -> i.name() == IndicatorName.BAD_EXPERIENCE)
                .allSatisfy(i -> assertThat(i.cohort().n()).isPositive());
    }

    @Test
    void supportWeeksRepsAndDrillDownAgreeOnTickets() {
        ResponseVsVolume response = run(() -> new ResponseVsVolumeQuery(jdbc).fetch(ALL));
        long total = run(() -> new TicketsQuery(jdbc).fetch(ALL, null, null, 1, 0)).total();

        assertThat(response.weeks().stream().mapToLong(ResponseWeek::tickets).sum()).isEqualTo(total);
        assertThat(response.reps().stream().mapToLong(RepResponse::tickets).sum()).isEqualTo(total);
        assertThat(response.weeks()).filteredOn(w -> w.tickets() > w.unanswered()).allSatisfy(w ->
                assertThat(w.medianFrtMinutes()).isLessThanOrEqualTo(w.p90FrtMinutes()));
        assertThat(response.loadBalance().repCount()).isEqualTo(12);
    }

    @Test
    void happinessTiersAndMonthsAddUpToTheTeam() {
        Happiness happiness = run(() -> new HappinessQuery(jdbc).fetch(ALL));

        long n = happiness.team().n();
        assertThat(n).isPositive();
        assertThat(happiness.tiers().stream().mapToLong(TierHappiness::n).sum()).isEqualTo(n);
        assertThat(happiness.months().stream().mapToLong(HappinessMonth::n).sum()).isEqualTo(n);
        assertThat(happiness.reps()).allSatisfy(r -> assertThat(r.score()).isBetween(r.low(), r.high()));
    }

    /** Speed is measured by the benchmark, never asserted in a test (shared machines flake). */
    private static <T> T run(Supplier<T> query) {
        return query.get();
    }
}
