package io.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account_month_mrr view encodes metrics.md section 0 and 1 rules for MRR by month. */
class AccountMonthMrrIT {

    private static List<String> series(MetricsDataset data, String account) {
        return data.jdbc().sql("""
                        select to_char(m.month, 'YYYY-MM') || '=' || m.mrr::text
                        from account_month_mrr m
                        join accounts a on a.id = m.account_id
                        where a.external_id = :account
                        order by m.month
                        """)
                .param("account", account)
                .query(String.class)
                .list();
    }

    @Test
    void revenueHistoryFillsGapsWithZeroUpToTheHorizon() {
        MetricsDataset data = MetricsDataset.fresh()
                // churns in March (no row), reactivates in April, no row after May
                .account("A", "2024-01-01T00:00:00Z", null, 1, "999")
                .revenue("A", "2024-01", "10", "2024-02", "20", "2024-04", "15", "2024-05", "15")
                .account("H", "2024-01-01T00:00:00Z", null, 1, null)
                .revenue("H", "2024-07", "5");

        // horizon = July (last month with revenue rows); A's mrr column (999) is informational only
        assertThat(series(data, "A")).containsExactly(
                "2024-01=10.00", "2024-02=20.00", "2024-03=0", "2024-04=15.00", "2024-05=15.00", "2024-06=0",
                "2024-07=0");
    }

    @Test
    void accountsWithoutHistoryAreFlatUntilTheMonthBeforeChurn() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("H", "2024-01-01T00:00:00Z", null, 1, null)
                .revenue("H", "2024-06", "5")
                .account("F", "2024-02-20T00:00:00Z", "2024-05-03T00:00:00Z", 1, "30")
                .account("open", "2024-04-10T00:00:00Z", null, 1, "12.5")
                .account("no-mrr", "2024-01-10T00:00:00Z", null, 1, null);

        assertThat(series(data, "F")).containsExactly("2024-02=30.00", "2024-03=30.00", "2024-04=30.00");
        assertThat(series(data, "open")).containsExactly("2024-04=12.50", "2024-05=12.50", "2024-06=12.50");
        assertThat(series(data, "no-mrr")).isEmpty();
    }

    @Test
    void withoutRevenueHistoryTheHorizonIsTheCurrentMonth() {
        MetricsDataset data = MetricsDataset.fresh();
        LocalDate firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);

        LocalDate horizon = data.jdbc().sql("select month from reporting_horizon").query(LocalDate.class).single();

        assertThat(horizon).isEqualTo(firstOfMonth);
    }
}
