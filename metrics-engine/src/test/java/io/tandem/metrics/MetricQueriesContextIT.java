package io.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.domain.testing.TestDatabaseConfiguration;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.retention.CohortAccountsQuery;
import io.tandem.metrics.retention.CohortRetentionQuery;
import io.tandem.metrics.retention.LogoChurnQuery;
import io.tandem.metrics.revenue.ArpuByAgeQuery;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import io.tandem.metrics.revenue.RevenueRetentionQuery;
import io.tandem.metrics.segments.SegmentsQuery;
import io.tandem.metrics.support.ContactRateQuery;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import io.tandem.metrics.support.TicketsQuery;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The app picks the queries up by component scan with only a JdbcClient (and a Clock) to give them. */
@SpringJUnitConfig(MetricQueriesContextIT.EngineConfiguration.class)
class MetricQueriesContextIT {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = MetricFilter.class)
    @Import(TestDatabaseConfiguration.class)
    static class EngineConfiguration {

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    ApplicationContext context;

    @Test
    void everyQueryIsABeanAndRunsOnAnEmptyDatabase() {
        MetricsDataset.fresh();
        MetricFilter filter = MetricFilter.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));

        assertThat(context.getBean(MrrMovementsQuery.class).fetch(filter).months()).hasSize(3);
        assertThat(context.getBean(LogoChurnQuery.class).fetch(filter).months()).hasSize(3);
        assertThat(context.getBean(CohortRetentionQuery.class).fetch(filter).cohorts()).isEmpty();
        assertThat(context.getBean(RevenueRetentionQuery.class).fetch(filter).months()).hasSize(3);
        assertThat(context.getBean(ArpuByAgeQuery.class).fetch(filter).ages()).hasSize(37);
        assertThat(context.getBean(SegmentsQuery.class).fetch(filter).segments()).hasSize(4);
        assertThat(context.getBean(GrowthQuery.class).fetch(filter).highTouch()).isEmpty();
        assertThat(context.getBean(LeadingIndicatorsQuery.class).fetch(filter).indicators()).hasSize(5);
        // 1 Jan 2024 is a Monday, 31 Mar a Sunday: weeks 2024-W01 to 2024-W13
        assertThat(context.getBean(ResponseVsVolumeQuery.class).fetch(filter).weeks()).hasSize(13);
        assertThat(context.getBean(ContactRateQuery.class).fetch(filter).months()).hasSize(3);
        assertThat(context.getBean(HappinessQuery.class).fetch(filter).team().n()).isZero();
        assertThat(context.getBean(TicketsQuery.class).fetch(filter, null, null, 50, 0).total()).isZero();
        assertThat(context.getBean(CohortAccountsQuery.class).fetch(java.time.YearMonth.of(2024, 1), 0, null, null)
                .accounts()).isEmpty();
    }
}
