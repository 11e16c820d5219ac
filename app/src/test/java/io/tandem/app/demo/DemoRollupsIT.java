package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo loader writes with COPY; the rollups (V4, V6 migrations) follow it like any other write, and
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
        assertThat(jdbc.sql("select count(*) from rep_tier_month").query(Long.class).single()).isPositive();

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
            // tickets and ratings (rep_tier_month, V6): upserts changing rep, tier and times, deletes
            jdbc.sql("""
                    insert into tickets (external_id, customer_id, account_id, rep_id, opened_at, closed_at,
                                         agent_replies, handle_minutes, escalated)
                    select external_id, customer_id, account_id,
                           case when id % 2 = 0 then rep_id else (select min(id) from reps) end,
                           opened_at, closed_at + interval '20 days', coalesce(agent_replies, 0) + 1,
                           handle_minutes, escalated
                    from tickets where id % 13 = 0
                    on conflict (external_id) do update
                        set rep_id = excluded.rep_id, closed_at = excluded.closed_at,
                            agent_replies = excluded.agent_replies
                    """).update();
            jdbc.sql("""
                    insert into ratings (ticket_id, rating, rated_at, rep_id)
                    select ticket_id, 'not_good', rated_at - interval '10 days', rep_id from ratings where ticket_id % 11 = 0
                    on conflict (ticket_id) do update set rating = excluded.rating, rated_at = excluded.rated_at
                    """).update();
            jdbc.sql("delete from ratings where ticket_id % 19 = 0").update();
            assertThat(differences()).isEmpty();
            jdbc.sql("update settings set hard_min_replies = 3, easy_max_minutes = 15").update();
            assertThat(differences()).isEmpty();
            jdbc.sql("update settings set time_zone = 'Pacific/Auckland'").update();
            assertThat(differences()).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(differences()).isEmpty();
    }
}
