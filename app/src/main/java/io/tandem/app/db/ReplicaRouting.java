package io.tandem.app.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With {@code tandem.db.replica-url} set, wraps the {@code dataSource} bean (the embedded server's pool or
 * Boot's pool for an external database, whichever this run made) in a {@link ReplicaDataSource} with a
 * second pool, {@code tandem-replica}, on the streaming replica. The replica pool copies the primary's
 * settings (size, {@code connection-init-sql}: statement timeout and custom plans) and user and password
 * unless {@code tandem.db.replica-username} / {@code tandem.db.replica-password} are given. Without the
 * property nothing is wrapped: one pool, as before.
 *
 * <p>The replica pool starts even when the replica does not answer ({@link ReplicaReads} then sends every
 * read to the primary), and waits at most {@value #REPLICA_CONNECTION_TIMEOUT_MS} ms for a connection, so
 * that a replica going away costs a request two seconds, not the primary's ten-second wait.
 */
@Component
class ReplicaRouting implements DestructionAwareBeanPostProcessor, EnvironmentAware {

    static final long REPLICA_CONNECTION_TIMEOUT_MS = 2000;

    private Environment environment;
    private final Map<String, HikariDataSource> replicaPools = new ConcurrentHashMap<>();

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        String url = environment.getProperty("tandem.db.replica-url");
        if (!"dataSource".equals(beanName) || !StringUtils.hasText(url)) {
            return bean;
        }
        if (!(bean instanceof HikariDataSource primary)) {
            throw new IllegalStateException("tandem.db.replica-url needs the primary DataSource to be a Hikari pool, not "
                    + bean.getClass().getName());
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("tandem-replica");
        replica.setJdbcUrl(url.trim());
        replica.setUsername(property("tandem.db.replica-username", primary.getUsername()));
        replica.setPassword(property("tandem.db.replica-password", primary.getPassword()));
        replica.setConnectionInitSql(primary.getConnectionInitSql());
        replica.setMaximumPoolSize(primary.getMaximumPoolSize());
        replica.setConnectionTimeout(Math.min(primary.getConnectionTimeout(), REPLICA_CONNECTION_TIMEOUT_MS));
        replica.setInitializationFailTimeout(-1);
        replica.setReadOnly(true);
        replicaPools.put(beanName, replica);
        return new ReplicaDataSource(primary, replica);
    }

    /** The property, or {@code fallback} when it is unset or blank. */
    private String property(String name, String fallback) {
        String value = environment.getProperty(name);
        return StringUtils.hasText(value) ? value : fallback;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof HikariDataSource;
    }

    /** Spring closes the primary pool itself (its destroy method); the replica pool closes just before. */
    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        HikariDataSource replica = replicaPools.remove(beanName);
        if (replica != null) {
            replica.close();
        }
    }
}
