package io.tandem.domain.testing;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Spring tests in every module import this to run on the shared embedded PostgreSQL. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }
}
