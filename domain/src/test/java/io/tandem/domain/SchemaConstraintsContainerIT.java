package io.tandem.domain;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same checks on a stock postgres:17 container; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class SchemaConstraintsContainerIT extends SchemaConstraintsContract {

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17.6");

    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl());
        dataSource.setUser(postgres.getUsername());
        dataSource.setPassword(postgres.getPassword());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
