package io.tandem.metrics;

import io.tandem.domain.testing.TestDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small hand-made datasets for metric tests: a fresh schema and terse inserts by external id. */
public final class MetricsDataset {

    private final JdbcClient jdbc;

    private MetricsDataset(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Empties the shared test database. */
    public static MetricsDataset fresh() {
        TestDatabase.truncateAll(TestDatabase.dataSource());
        return new MetricsDataset(TestDatabase.dataSource());
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public MetricsDataset account(String externalId, String signedUpAt, String churnedAt, Integer seats, String mrr) {
        jdbc.sql("""
                insert into accounts (external_id, name, signed_up_at, churned_at, seats, mrr)
                values (:id, :id, :signed::timestamptz, :churned::timestamptz, :seats, :mrr::numeric)
                """)
                .param("id", externalId).param("signed", signedUpAt).param("churned", churnedAt)
                .param("seats", seats).param("mrr", mrr)
                .update();
        return this;
    }

    /** Revenue rows for one account: pairs of month (yyyy-MM) and MRR. */
    public MetricsDataset revenue(String account, String... monthsAndMrr) {
        for (int i = 0; i < monthsAndMrr.length; i += 2) {
            jdbc.sql("""
                    insert into revenue (account_id, month, mrr)
                    select id, to_date(:month, 'YYYY-MM'), :mrr::numeric from accounts where external_id = :account
                    """)
                    .param("account", account).param("month", monthsAndMrr[i]).param("mrr", monthsAndMrr[i + 1])
                    .update();
        }
        return this;
    }

    public MetricsDataset customer(String externalId, String account) {
        jdbc.sql("""
                insert into customers (external_id, account_id)
                values (:id, (select id from accounts where external_id = :account))
                """)
                .param("id", externalId).param("account", account)
                .update();
        return this;
    }

    public MetricsDataset ticket(String externalId, String customer, String openedAt) {
        jdbc.sql("""
                insert into tickets (external_id, customer_id, account_id, opened_at)
                select :id, c.id, c.account_id, :opened::timestamptz from customers c where c.external_id = :customer
                """)
                .param("id", externalId).param("customer", customer).param("opened", openedAt)
                .update();
        return this;
    }
}
