package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = TandemApplication.class, properties = {
        "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
        "tandem.embedded.clean=true",
        "tandem.demo.accounts=50"})
class DemoDataClearIT {

    @Autowired
    DemoData demoData;
    @Autowired
    JdbcClient jdbc;

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void clearingRemovesTheDemoAndItDoesNotComeBackAtTheNextStart() {
        // first start on an empty embedded database loaded the demo company of the configured size
        assertThat(count("accounts")).isEqualTo(50);
        assertThat(jdbc.sql("select demo_state from settings").query(String.class).single()).isEqualTo("loaded");

        demoData.clearAll();

        for (String table : new String[] {"reps", "accounts", "customers", "revenue", "tickets", "ratings", "deals"}) {
            assertThat(count(table)).as(table).isZero();
        }
        assertThat(jdbc.sql("select demo_state || '/' || organisation_name from settings").query(String.class).single())
                .isEqualTo("cleared/My organisation");

        demoData.run(new DefaultApplicationArguments());

        assertThat(count("accounts")).as("the demo is not loaded again").isZero();
    }
}
