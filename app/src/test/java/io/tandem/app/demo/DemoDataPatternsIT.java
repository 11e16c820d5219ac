package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default demo company (seed 42, as of the tests' fixed day) holds the patterns the dashboards
 * exist to reveal, in its tables ({@link PlantedPatterns}) and through the API ({@link DemoApiPatterns});
 * {@link DemoPatternsAcrossDaysIT} checks them for demos of other days and seeds.
 */
@TandemIT
class DemoDataPatternsIT implements PlantedPatterns, DemoApiPatterns {

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public int port() {
        return port;
    }

    private double number(String sql) {
        return jdbc.sql(sql).query(Double.class).single();
    }

    @Test
    void aboutThreeYearsOfACompanyOfTheDefaultSize() {
        assertThat(number("select count(*) from accounts")).isEqualTo(2000);
        assertThat(number("select count(distinct month) from revenue")).isEqualTo(36);
        List<String> roles = jdbc.sql("select distinct role from reps order by 1").query(String.class).list();
        assertThat(roles).containsExactly("manager", "sales", "success", "support");
        assertThat(number("select count(*) from deals where source = 'support' and ticket_id is not null")).isPositive();
        List<String> segments = jdbc.sql("""
                select distinct case when seats <= 3 then '1-3' when seats <= 10 then '4-10' else '11+' end
                from accounts""").query(String.class).list();
        assertThat(segments).containsExactlyInAnyOrder("1-3", "4-10", "11+");
    }
}
