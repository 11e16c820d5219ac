package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo company holds the patterns the dashboards exist to reveal (issue: demo data); the
 * pattern tests themselves are in {@link PlantedPatterns}.
 */
@TandemIT
class DemoDataPatternsIT implements PlantedPatterns {

    @Autowired
    JdbcClient jdbc;

    @Override
    public JdbcClient jdbc() {
        return jdbc;
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
