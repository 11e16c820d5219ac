package io.tandem.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The benchmark's EXPLAIN report gets the analysed plan of each statement a query sends. */
@TandemIT
class ExplainCaptureIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    @Test
    void anEngineQueryOnTheCaptureConnectionReportsItsAnalysedPlan() throws Exception {
        try (ExplainCapture capture = new ExplainCapture(dataSource)) {
            MrrMovementsQuery query = new MrrMovementsQuery(capture.jdbc());
            LocalDate to = LocalDate.now(clock).withDayOfMonth(1).minusDays(1);

            List<String> plans = capture.plansOf(() -> query.fetch(MetricFilter.of(to.withDayOfMonth(1), to)));

            assertThat(plans).hasSize(1);
            assertThat(plans.get(0)).contains("Query Text:", "actual time=", "Buffers: shared hit=");
        }
    }
}
