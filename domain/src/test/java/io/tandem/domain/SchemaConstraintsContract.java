package io.tandem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.domain.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema refuses bad rows by itself, whatever code writes them. Run against the embedded
 * PostgreSQL ({@link SchemaConstraintsIT}) and, where Docker exists, a PostgreSQL container.
 */
abstract class SchemaConstraintsContract {

    JdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.truncateAll(dataSource());
        jdbc = new JdbcTemplate(dataSource());
        jdbc.update("insert into reps (external_id, name, team, role) values ('r1', 'Ana', 'Support', 'support')");
        jdbc.update("insert into accounts (external_id, name, signed_up_at, seats, mrr, currency)"
                + " values ('a1', 'Acme', '2024-01-10T00:00:00Z', 3, 99.50, 'USD')");
        jdbc.update("insert into customers (external_id, account_id, name) values ('c1', 1, 'Cy')");
    }

    @Test
    void allMigrationsApplied() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(2);
    }

    @Test
    void externalIdsAreUnique() {
        assertRefused("insert into reps (external_id, name, team, role) values ('r1', 'Bo', 'Sales', 'sales')");
        assertRefused("insert into accounts (external_id, name, signed_up_at) values ('a1', 'Again', now())");
    }

    @Test
    void repEmailsAreUniqueIgnoringCase() {
        jdbc.update("update reps set email = 'ana@example.com'");
        assertRefused("insert into reps (external_id, name, email, team, role)"
                + " values ('r2', 'Ana 2', 'ANA@example.com', 'Support', 'support')");
    }

    @Test
    void enumsAreChecked() {
        assertRefused("insert into reps (external_id, name, team, role) values ('r9', 'X', 'T', 'janitor')");
        assertRefused("insert into deals (external_id, rep_id, type, amount, stage) values ('d1', 1, 'new', 10, 'maybe')");
        assertRefused("insert into deals (external_id, rep_id, type, amount, stage) values ('d1', 1, 'upsell', 10, 'won')");
    }

    @Test
    void amountsCannotBeNegative() {
        assertRefused("insert into revenue (account_id, month, mrr) values (1, '2024-01-01', -1)");
        assertRefused("insert into deals (external_id, rep_id, type, amount, stage) values ('d1', 1, 'new', -5, 'won')");
        assertRefused("insert into reps (external_id, name, team, role, annual_cost) values ('r2', 'B', 'T', 'sales', -1)");
        assertRefused("update accounts set seats = -1");
    }

    @Test
    void timesMustBeInOrder() {
        assertRefused("update accounts set churned_at = '2023-12-31T00:00:00Z'");
        assertRefused("insert into tickets (external_id, customer_id, opened_at, closed_at)"
                + " values ('t1', 1, '2024-02-01T10:00:00Z', '2024-02-01T09:59:00Z')");
        assertRefused("insert into tickets (external_id, customer_id, opened_at, first_response_at)"
                + " values ('t1', 1, '2024-02-01T10:00:00Z', '2024-02-01T09:00:00Z')");
    }

    @Test
    void referencesMustExist() {
        assertRefused("insert into tickets (external_id, customer_id, opened_at) values ('t1', 42, now())");
        assertRefused("insert into customers (external_id, account_id) values ('c2', 42)");
        assertRefused("insert into ratings (ticket_id, rating) values (42, 'great')");
    }

    @Test
    void oneRatingPerTicket() {
        jdbc.update("insert into tickets (external_id, customer_id, opened_at) values ('t1', 1, now())");
        jdbc.update("insert into ratings (ticket_id, rating) values (1, 'great')");
        assertRefused("insert into ratings (ticket_id, rating) values (1, 'ok')");
        assertRefused("update ratings set rating = 'meh'");
    }

    @Test
    void revenueMonthIsTheFirstDayAndUniquePerAccount() {
        assertRefused("insert into revenue (account_id, month, mrr) values (1, '2024-01-15', 10)");
        jdbc.update("insert into revenue (account_id, month, mrr) values (1, '2024-01-01', 10)");
        assertRefused("insert into revenue (account_id, month, mrr) values (1, '2024-01-01', 20)");
    }

    @Test
    void repUsersMustBeBoundToARep() {
        assertRefused("insert into app_users (username, password_hash, role) values ('rep', 'x', 'REP')");
        assertRefused("insert into app_users (username, password_hash, role) values ('boss', 'x', 'OWNER')");
    }

    @Test
    void settingsStayOneValidRow() {
        assertRefused("insert into settings (id) values (2)");
        assertRefused("update settings set gross_margin = 1.5");
        assertRefused("update settings set segment_medium_max = 2");
        assertRefused("update settings set currency = 'usd'");
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> jdbc.update(sql)).as(sql).isInstanceOf(DataIntegrityViolationException.class);
    }
}
