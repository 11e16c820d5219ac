package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo loader writes with COPY; the rollups (V4 migration) follow it like any other write, and
 * stay equal to their from-scratch definitions after import-like changes of the demo data.
 */
@TandemIT
class DemoRollupsIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private List<String> differences() {
        return jdbc.sql("select rollup || ' ' || difference || ' ' || row_text from rollup_differences()")
                .query(String.class).list();
    }

    @Test
    void theRollupsEqualTheirDefinitionsAfterTheDemoLoadAndAfterChanges() {
        assertThat(differences()).isEmpty();
        assertThat(jdbc.sql("select count(*) from account_month").query(Long.class).single()).isPositive();

        // changes the way imports make them, rolled back so the shared demo data stays as loaded
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into revenue (account_id, month, mrr)
                    select account_id, month, mrr + 7 from revenue where account_id % 17 = 0
                    on conflict (account_id, month) do update set mrr = excluded.mrr
                    """).update();
            jdbc.sql("delete from revenue where account_id % 29 = 0 and month = (select min(month) from revenue)")
                    .update();
            jdbc.sql("update accounts set churned_at = signed_up_at + interval '40 days' where id % 31 = 0").update();
            assertThat(differences()).isEmpty();
            jdbc.sql("update settings set time_zone = 'Pacific/Auckland'").update();
            assertThat(differences()).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(differences()).isEmpty();
    }
}
