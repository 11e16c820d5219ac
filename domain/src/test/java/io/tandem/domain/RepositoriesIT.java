package io.tandem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.reps.RepRole;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.testing.TestDatabase;
import io.tandem.domain.testing.TestDatabaseConfiguration;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
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
    @Autowired AppUserRepository users;
    @Autowired SettingsRepository settings;
    @Autowired EntityManager entityManager;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.truncateAll(jdbc.getDataSource());
    }

    @Test
    void entitiesRoundTripTheirValues() {
        Rep rep = new Rep("r-1", "Ana", "Support", RepRole.SUPPORT);
        rep.setAnnualCost(new BigDecimal("65000.00"));
        reps.save(rep);
        users.save(new AppUser("Ana", "{noop}x", UserRole.REP, rep));
        entityManager.flush();
        entityManager.clear();

        assertThat(reps.findByExternalId("r-1")).get().extracting(Rep::getRole).isEqualTo(RepRole.SUPPORT);
        assertThat(jdbc.queryForObject("select role from reps", String.class)).isEqualTo("support");
        assertThat(users.findByUsernameIgnoreCase("ANA")).get().extracting(AppUser::getRole).isEqualTo(UserRole.REP);
        assertThat(settings.current().getTimeZone()).isEqualTo("UTC");
    }
}
