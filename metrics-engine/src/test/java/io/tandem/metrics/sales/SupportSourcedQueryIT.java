package io.tandem.metrics.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricsDataset;
import io.tandem.metrics.sales.SupportSourcedQuery.SourcedDeal;
import io.tandem.metrics.sales.SupportSourcedQuery.SupportSourced;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SupportSourcedQueryIT {

    private static final MetricFilter MARCH = MetricFilter.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

    @Test
    void dealsFromTheInboxAndTheirShareOfWonAmount() {
        MetricsDataset data = MetricsDataset.fresh()
                .account("A", "2024-01-01T00:00:00Z", null, 3, "10")
                .customer("c1", "A")
                .ticket("T1", "c1", "2024-02-20T10:00:00Z");
        JdbcClient jdbc = data.jdbc();
        jdbc.sql("insert into reps (external_id, name, team, role) values ('S', 'S', 'Sales', 'sales')").update();
        // source, ticket, stage, amount, created, closed
        deal(jdbc, "p1", "support", null, "won", "60", "2024-03-02", "2024-03-20");  // support, won in March
        deal(jdbc, "p2", "inbound", "T1", "lost", "70", "2024-03-05", "2024-03-25"); // names a ticket: support-sourced
        deal(jdbc, "p3", "support", null, "open", "80", "2024-02-10", null);          // opened in February
        deal(jdbc, "p4", "outbound", null, "won", "140", "2024-03-01", "2024-03-10"); // not from support

        SupportSourced s = new SupportSourcedQuery(jdbc).fetch(MARCH, 50);

        // opened in March and from support: p1, p2 = 2; won in March from support: p1 = 60
        assertThat(s.deals()).isEqualTo(2);
        assertThat(s.wonDeals()).isEqualTo(1);
        assertThat(s.wonAmount()).isEqualByComparingTo("60");
        // all won in March: 60 + 140 = 200; share 60 / 200 = 0.3
        assertThat(s.allWonAmount()).isEqualByComparingTo("200");
        assertThat(s.share()).isEqualByComparingTo(new BigDecimal("0.3"));
        assertThat(s.list()).extracting(SourcedDeal::deal).containsExactly("p2", "p1");
        assertThat(s.list().get(0).ticket()).isEqualTo("T1");
    }

    @Test
    void nothingWonMeansNoShare() {
        JdbcClient jdbc = MetricsDataset.fresh().jdbc();

        SupportSourced s = new SupportSourcedQuery(jdbc).fetch(MARCH, 50);

        assertThat(s.deals()).isZero();
        assertThat(s.share()).isNull();
        assertThat(s.list()).isEmpty();
    }

    private static void deal(JdbcClient jdbc, String id, String source, String ticket, String stage, String amount,
                             String created, String closed) {
        jdbc.sql("""
                insert into deals (external_id, rep_id, type, amount, stage, created_at, closed_at, source, ticket_id)
                select :id, r.id, 'new', :amount::numeric, :stage, :created::timestamptz, :closed::timestamptz, :source,
                       (select t.id from tickets t where t.external_id = :ticket)
                from reps r where r.external_id = 'S'""")
                .param("id", id).param("source", source).param("ticket", ticket).param("stage", stage)
                .param("amount", amount).param("created", created).param("closed", closed).update();
    }
}
