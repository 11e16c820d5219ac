package io.tandem.app.db;

import com.zaxxer.hikari.HikariDataSource;
import io.tandem.domain.db.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The default database: a real PostgreSQL started by Tandem itself, with its data in
 * {@code tandem.data-dir}. Not active when {@code spring.datasource.url} (or TANDEM_DB_URL) names
 * an external database; then Boot's own pool connects to that one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DataDirectory dataDir,
                                                  @Value("${tandem.embedded.clean:false}") boolean clean) {
        return EmbeddedPostgresServer.start(dataDir.path(), clean);
    }

    /** The same pool settings as for an external database: {@code spring.datasource.hikari.*}. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("tandem");
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        return pool;
    }

    /** True when no external database URL is configured. */
    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment());
        }
    }

    /** Whether this run uses the embedded database (demo data loads itself only there). */
    public static boolean isEmbedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
