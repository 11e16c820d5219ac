package io.tandem.metrics.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HeadlinesQueryIT {

    // Wednesday 12 June 2024: June is the unfinished current month, the last full ISO week is 3-9 June.
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-12T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void headlinesReadTheHorizonMonthLastFullMonthAndLastFullWeek() {
        MetricsDataset data = MetricsDataset.fresh()
                // revenue history: A grows, B has no row in May (churn), C is new in May
                .account("A", "2024-03-01T00:00:00Z", null, 5, null)
                .revenue("A", "2024-03", "100", "2024-04", "100", "2024-05", "150", "2024-06", "150")
                .account("B", "2024-03-01T00:00:00Z", null, 2, null)
                .revenue("B", "2024-03", "50", "2024-04", "50")
                .account("C", "2024-05-02T00:00:00Z", null, 2, null)
                .revenue("C", "2024-05", "80", "2024-06", "80")
                // no revenue rows: flat MRR from month(signed_up_at) to the month before month(churned_at)
                .account("D", "2024-01-15T00:00:00Z", null, 1, "40")
                .account("E", "2024-02-01T00:00:00Z", "2024-05-20T00:00:00Z", 1, "30")
                .customer("c1", "A")
                .ticket("t-before", "c1", "2024-06-02T23:59:00Z")
                .ticket("t-monday", "c1", "2024-06-03T00:00:00Z")
                .ticket("t-sunday", "c1", "2024-06-09T23:59:00Z")
                .ticket("t-this-week", "c1", "2024-06-10T00:00:00Z");

        Headlines h = new HeadlinesQuery(data.jdbc(), clock).fetch();

        // horizon = last month with revenue rows = June 2024
        assertThat(h.horizon()).isEqualTo(YearMonth.of(2024, 6));
        // active in June: A 150 + C 80 + D 40 (flat, not churned) = 3 accounts, MRR 270
        assertThat(h.activeAccounts()).isEqualTo(3);
        assertThat(h.mrr()).isEqualByComparingTo("270");
        // last full month = May. Active in April: A, B, D, E = 4. Churned in May: B (no row) and
        // E (churned 20 May, flat to April) = 2. Rate 2 / 4 = 0.5, low sample (n < 30).
        assertThat(h.churnMonth()).isEqualTo(YearMonth.of(2024, 5));
        assertThat(h.logoChurn().numerator()).isEqualTo(2);
        assertThat(h.logoChurn().n()).isEqualTo(4);
        assertThat(h.logoChurn().value()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(h.logoChurn().lowSample()).isTrue();
        // the week of Monday 3 June holds t-monday and t-sunday
        assertThat(h.weekStart()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(h.ticketsLastWeek()).isEqualTo(2);
        assertThat(h.hasData()).isTrue();
    }

    @Test
    void emptyDatabaseGivesZerosAndNoChurnRate() {
        MetricsDataset data = MetricsDataset.fresh();

        Headlines h = new HeadlinesQuery(data.jdbc(), clock).fetch();

        assertThat(h.hasData()).isFalse();
        assertThat(h.activeAccounts()).isZero();
        assertThat(h.mrr()).isEqualByComparingTo("0");
        assertThat(h.logoChurn().hasValue()).as("0 / 0 is no value, not 0%").isFalse();
        assertThat(h.ticketsLastWeek()).isZero();
    }

    @Test
    void weeksFollowTheOrganisationsTimeZone() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("A", "2024-03-01T00:00:00Z", null, 1, "10")
                .customer("c1", "A")
                // Monday 3 June 00:30 in Auckland (+12:00) is still Sunday 2 June in UTC
                .ticket("t1", "c1", "2024-06-02T12:30:00Z");
        data.jdbc().sql("update settings set time_zone = 'Pacific/Auckland'").update();

        Headlines h = new HeadlinesQuery(data.jdbc(), clock).fetch();

        assertThat(h.weekStart()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(h.ticketsLastWeek()).isEqualTo(1);
    }
}
