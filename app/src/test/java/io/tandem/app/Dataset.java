package io.tandem.app;

import io.tandem.app.security.TestUsers;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.sql.Types;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A small hand-made dataset written into the app's database (see {@link DatasetIT}): terse inserts that find
 * their references by external id. Days are {@code yyyy-MM-dd}, months {@code yyyy-MM}, amounts decimal strings.
 * Every value goes in as a named parameter.
 */
public final class Dataset {

    private final JdbcClient jdbc;
    private final AppUserRepository users;
    private final RepRepository reps;
    private final PasswordEncoder encoder;

    public Dataset(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.users = context.getBean(AppUserRepository.class);
        this.reps = context.getBean(RepRepository.class);
        this.encoder = context.getBean(PasswordEncoder.class);
    }

    /** The admin {@link TestUsers#ADMIN}, with the shared test password. */
    public Dataset admin() {
        TestUsers.ensureAdmin(users, encoder);
        return this;
    }

    /** A REP user bound to rep {@code rep}, with the shared test password. */
    public Dataset repUser(String username, String rep) {
        TestUsers.withPassword(users, reps, encoder, username, UserRole.REP, rep, TestUsers.PASSWORD);
        return this;
    }

    /** The commission rate (0..1) and the organisation's time zone. */
    public Dataset settings(String commissionRate, String timeZone) {
        jdbc.sql("update settings set commission_rate = :rate::numeric, time_zone = :zone")
                .param("rate", commissionRate).param("zone", timeZone).update();
        return this;
    }

    /** A rep; {@code annualCost} may be null. */
    public Dataset rep(String id, String name, String team, String role, String annualCost, boolean highTouch) {
        jdbc.sql("""
                insert into reps (external_id, name, team, role, annual_cost, high_touch)
                values (:id, :name, :team, :role, :cost::numeric, :highTouch)""")
                .param("id", id).param("name", name).param("team", team).param("role", role)
                .param("cost", annualCost).param("highTouch", highTouch).update();
        return this;
    }

    /** An account signed up at midnight UTC of {@code signedUp}; {@code seats} and {@code owner} (a rep) may be null. */
    public Dataset account(String id, String name, Integer seats, String owner, String signedUp) {
        jdbc.sql("""
                insert into accounts (external_id, name, signed_up_at, seats, owner_rep_id)
                values (:id, :name, :signed::timestamptz, :seats, (select id from reps where external_id = :owner))""")
                .param("id", id).param("name", name).param("signed", signedUp + "T00:00:00Z").param("seats", seats)
                .param("owner", owner).update();
        return this;
    }

    /** The same MRR for {@code account} in every month from {@code fromMonth} to {@code toMonth}. */
    public Dataset revenue(String account, String fromMonth, String toMonth, String mrr) {
        jdbc.sql("""
                insert into revenue (account_id, month, mrr)
                select a.id, m::date, :mrr::numeric
                from accounts a
                cross join generate_series(to_date(:from, 'YYYY-MM'), to_date(:to, 'YYYY-MM'), interval '1 month') m
                where a.external_id = :account""")
                .param("account", account).param("from", fromMonth).param("to", toMonth).param("mrr", mrr).update();
        return this;
    }

    /** A customer of {@code account}. */
    public Dataset customer(String id, String account) {
        jdbc.sql("""
                insert into customers (external_id, account_id)
                select :id, a.id from accounts a where a.external_id = :account""")
                .param("id", id).param("account", account).update();
        return this;
    }

    /**
     * A ticket of {@code customer} (and its account) opened at {@code opened} (an instant), first answered
     * {@code frtMinutes} later, closed a day after it opened if {@code closed}, and rated a day after it opened
     * ({@code great}, {@code ok}, {@code not_good}). {@code rep}, {@code frtMinutes}, {@code replies} and
     * {@code rating} may be null.
     */
    public Dataset ticket(String id, String rep, String customer, String opened, Integer frtMinutes, Integer replies,
                          boolean closed, String rating) {
        jdbc.sql("""
                insert into tickets (external_id, customer_id, account_id, rep_id, opened_at, first_response_at,
                                     closed_at, agent_replies)
                select :id, c.id, c.account_id, (select id from reps where external_id = :rep),
                       :opened::timestamptz,
                       :opened::timestamptz + make_interval(mins => cast(:frt as integer)),
                       case when :closed then :opened::timestamptz + interval '1 day' end,
                       :replies
                from customers c
                where c.external_id = :customer""")
                .param("id", id).param("rep", rep).param("customer", customer).param("opened", opened)
                .param("frt", frtMinutes, Types.INTEGER).param("closed", closed)
                .param("replies", replies, Types.INTEGER).update();
        if (rating != null) {
            jdbc.sql("""
                    insert into ratings (ticket_id, rating, rated_at)
                    select t.id, :rating, t.opened_at + interval '1 day' from tickets t where t.external_id = :id""")
                    .param("rating", rating).param("id", id).update();
        }
        return this;
    }

    /**
     * A deal of {@code rep} created and closed at 10:00 UTC of those days; {@code account}, {@code created},
     * {@code source} and {@code ticket} (the ticket it came from) may be null.
     */
    public Dataset deal(String id, String rep, String account, String type, String amount, String stage, String created,
                        String closed, String source, String ticket) {
        jdbc.sql("""
                insert into deals (external_id, rep_id, account_id, type, amount, stage, created_at, closed_at, source,
                                   ticket_id)
                select :id, r.id, (select a.id from accounts a where a.external_id = :account), :type, :amount::numeric,
                       :stage, cast(:created as timestamptz), cast(:closed as timestamptz), :source,
                       (select t.id from tickets t where t.external_id = :ticket)
                from reps r where r.external_id = :rep""")
                .param("id", id).param("rep", rep).param("account", account).param("type", type)
                .param("amount", amount).param("stage", stage)
                .param("created", created == null ? null : created + "T10:00:00Z")
                .param("closed", closed + "T10:00:00Z").param("source", source).param("ticket", ticket).update();
        return this;
    }
}
