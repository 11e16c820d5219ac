package io.tandem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.domain.accounts.Account;
import io.tandem.domain.accounts.AccountRepository;
import io.tandem.domain.accounts.Customer;
import io.tandem.domain.accounts.CustomerRepository;
import io.tandem.domain.accounts.RevenueMonth;
import io.tandem.domain.accounts.RevenueMonthRepository;
import io.tandem.domain.deals.Deal;
import io.tandem.domain.deals.DealRepository;
import io.tandem.domain.deals.DealStage;
import io.tandem.domain.deals.DealType;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.reps.RepRole;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.testing.TestDatabase;
import io.tandem.domain.testing.TestDatabaseConfiguration;
import io.tandem.domain.tickets.Rating;
import io.tandem.domain.tickets.RatingRepository;
import io.tandem.domain.tickets.RatingValue;
import io.tandem.domain.tickets.Ticket;
import io.tandem.domain.tickets.TicketRepository;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Entities map onto the Flyway schema (Hibernate validates it) and round-trip their values. */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabaseConfiguration.class)
class RepositoriesIT {

    @SpringBootApplication
    static class DomainTestApplication {
    }

    @Autowired RepRepository reps;
    @Autowired AccountRepository accounts;
    @Autowired CustomerRepository customers;
    @Autowired RevenueMonthRepository revenue;
    @Autowired TicketRepository tickets;
    @Autowired RatingRepository ratings;
    @Autowired DealRepository deals;
    @Autowired AppUserRepository users;
    @Autowired SettingsRepository settings;
    @Autowired EntityManager entityManager;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.truncateAll(jdbc.getDataSource());
    }

    @Test
    void everyKindRoundTrips() {
        Rep rep = new Rep("r-1", "Ana", "Support", RepRole.SUPPORT);
        rep.setAnnualCost(new BigDecimal("65000.00"));
        reps.save(rep);
        Account account = new Account("a-1", "Acme", Instant.parse("2024-01-10T09:00:00Z"));
        account.setSeats(4);
        account.setMrr(new BigDecimal("80.00"));
        account.setOwnerRep(rep);
        accounts.save(account);
        Customer customer = customers.save(new Customer("c-1", account));
        revenue.save(new RevenueMonth(account.getId(), YearMonth.of(2024, 1), new BigDecimal("80.00"), "USD"));
        Ticket ticket = new Ticket("t-1", customer, Instant.parse("2024-02-01T10:00:00Z"));
        ticket.setRep(rep);
        ticket.setAgentReplies(2);
        tickets.save(ticket);
        ratings.save(new Rating(ticket, RatingValue.NOT_GOOD));
        Deal deal = new Deal("d-1", rep, DealType.EXPANSION, new BigDecimal("20.00"), DealStage.WON);
        deal.setAccount(account);
        deals.save(deal);
        users.save(new AppUser("Ana", "{noop}x", UserRole.REP, rep));
        entityManager.flush();
        entityManager.clear();

        assertThat(reps.findByExternalId("r-1")).get().extracting(Rep::getRole).isEqualTo(RepRole.SUPPORT);
        assertThat(jdbc.queryForObject("select role from reps", String.class)).isEqualTo("support");
        assertThat(accounts.findByExternalId("a-1").get().getOwnerRep().getExternalId()).isEqualTo("r-1");
        assertThat(revenue.findByKeyAccountIdOrderByKeyMonth(account.getId()))
                .extracting(RevenueMonth::getMonth).containsExactly(YearMonth.of(2024, 1));
        assertThat(ratings.findById(ticket.getId()).get().getRating()).isEqualTo(RatingValue.NOT_GOOD);
        assertThat(jdbc.queryForObject("select rating from ratings", String.class)).isEqualTo("not_good");
        assertThat(deals.findByExternalId("d-1").get().getType()).isEqualTo(DealType.EXPANSION);
        assertThat(users.findByUsernameIgnoreCase("ANA")).get().extracting(AppUser::getRole).isEqualTo(UserRole.REP);
        assertThat(settings.current().getTimeZone()).isEqualTo("UTC");
    }
}
