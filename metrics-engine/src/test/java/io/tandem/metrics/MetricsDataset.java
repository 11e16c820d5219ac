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

    /** The same MRR for one account in every month from {@code fromMonth} to {@code toMonth} (yyyy-MM). */
    public MetricsDataset revenueEach(String account, String fromMonth, String toMonth, String mrr) {
        jdbc.sql("""
                insert into revenue (account_id, month, mrr)
                select a.id, m::date, :mrr::numeric
                from accounts a
                cross join generate_series(to_date(:from, 'YYYY-MM'), to_date(:to, 'YYYY-MM'), interval '1 month') as m
                where a.external_id = :account
                """)
                .param("account", account).param("from", fromMonth).param("to", toMonth).param("mrr", mrr)
                .update();
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

    public MetricsDataset rep(String externalId, String team, String role, String annualCost, boolean highTouch) {
        jdbc.sql("""
                insert into reps (external_id, name, team, role, annual_cost, high_touch)
                values (:id, :id, :team, :role, :cost::numeric, :highTouch)
                """)
                .param("id", externalId).param("team", team).param("role", role).param("cost", annualCost)
                .param("highTouch", highTouch)
                .update();
        return this;
    }

    /** Makes {@code rep} the owner rep of each of the accounts. */
    public MetricsDataset owner(String rep, String... accounts) {
        for (String account : accounts) {
            jdbc.sql("""
                    update accounts set owner_rep_id = (select id from reps where external_id = :rep)
                    where external_id = :account
                    """)
                    .param("rep", rep).param("account", account)
                    .update();
        }
        return this;
    }

    /** A ticket assigned to {@code rep} (nullable) and first answered at {@code firstResponseAt} (nullable). */
    public MetricsDataset ticket(String externalId, String customer, String openedAt, String rep, String firstResponseAt) {
        jdbc.sql("""
                insert into tickets (external_id, customer_id, account_id, rep_id, opened_at, first_response_at)
                select :id, c.id, c.account_id, (select id from reps where external_id = :rep),
                       :opened::timestamptz, :responded::timestamptz
                from customers c where c.external_id = :customer
                """)
                .param("id", externalId).param("customer", customer).param("opened", openedAt)
                .param("rep", rep).param("responded", firstResponseAt)
                .update();
        return this;
    }

    /** A rating ({@code great}, {@code ok}, {@code not_good}) of a ticket, given at {@code ratedAt}. */
    public MetricsDataset rating(String ticket, String rating, String ratedAt) {
        jdbc.sql("""
                insert into ratings (ticket_id, rating, rated_at)
                select id, :rating, :rated::timestamptz from tickets where external_id = :ticket
                """)
                .param("ticket", ticket).param("rating", rating).param("rated", ratedAt)
                .update();
        return this;
    }

    /** Growth settings (metrics.md section 5): gross margin 0..1 and monthly marketing spend. */
    public MetricsDataset growthSettings(String grossMargin, String monthlyMarketingSpend) {
        jdbc.sql("update settings set gross_margin = :gm::numeric, monthly_marketing_spend = :spend::numeric")
                .param("gm", grossMargin).param("spend", monthlyMarketingSpend)
                .update();
        return this;
    }

    /** Segment bounds: seats up to {@code smallMax} are small, up to {@code mediumMax} medium. */
    public MetricsDataset segmentBounds(int smallMax, int mediumMax) {
        jdbc.sql("update settings set segment_small_max = :small, segment_medium_max = :medium")
                .param("small", smallMax).param("medium", mediumMax)
                .update();
        return this;
    }
    /** A support rep in {@code team}. */
    public MetricsDataset supportRep(String externalId, String team) {
        return rep(externalId, team, "support", null, false);
    }

    /**
     * A ticket with the fields of the support metrics (metrics.md section 2); every argument after
     * {@code openedAt} may be null ({@code escalated} defaults to false).
     */
    public MetricsDataset supportTicket(String externalId, String customer, String rep, String openedAt,
                                        String firstResponseAt, Integer agentReplies, String handleMinutes,
                                        Boolean escalated, String closedAt) {
        jdbc.sql("""
                insert into tickets (external_id, customer_id, account_id, rep_id, opened_at, first_response_at,
                                     agent_replies, handle_minutes, escalated, closed_at)
                select :id, c.id, c.account_id, (select id from reps where external_id = :rep),
                       :opened::timestamptz, :responded::timestamptz, :replies, :minutes::numeric,
                       coalesce(:escalated, false), :closed::timestamptz
                from customers c where c.external_id = :customer
                """)
                .param("id", externalId).param("customer", customer).param("rep", rep).param("opened", openedAt)
                .param("responded", firstResponseAt).param("replies", agentReplies).param("minutes", handleMinutes)
                .param("escalated", escalated).param("closed", closedAt)
                .update();
        return this;
    }

    /** A rating of a ticket given at {@code ratedAt} (nullable) naming {@code rep} (nullable). */
    public MetricsDataset rating(String ticket, String rating, String ratedAt, String rep) {
        jdbc.sql("""
                insert into ratings (ticket_id, rating, rated_at, rep_id)
                select id, :rating, :rated::timestamptz, (select id from reps where external_id = :rep)
                from tickets where external_id = :ticket
                """)
                .param("ticket", ticket).param("rating", rating).param("rated", ratedAt).param("rep", rep)
                .update();
        return this;
    }

    /** Difficulty tier thresholds (metrics.md section 2). */
    public MetricsDataset difficulty(int hardMinReplies, int hardMinMinutes, int easyMaxReplies, int easyMaxMinutes) {
        jdbc.sql("""
                update settings set hard_min_replies = :hr, hard_min_minutes = :hm,
                                    easy_max_replies = :er, easy_max_minutes = :em
                """)
                .param("hr", hardMinReplies).param("hm", hardMinMinutes)
                .param("er", easyMaxReplies).param("em", easyMaxMinutes)
                .update();
        return this;
    }

    /** The organisation's time zone (metrics.md section 0). */
    public MetricsDataset timeZone(String zone) {
        jdbc.sql("update settings set time_zone = :zone").param("zone", zone).update();
        return this;
    }
}
