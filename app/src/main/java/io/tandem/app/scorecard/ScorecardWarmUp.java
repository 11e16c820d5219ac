package io.tandem.app.scorecard;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.Scorecards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scorecards share their team's figures (Scorecards keeps them per team and period): one scorecard
 * per team for the default period computes what every scorecard of that team needs.
 */
@Component
class ScorecardWarmUp implements CacheWarmUp {

    private final Scorecards scorecards;
    private final DashboardFilters filters;
    private final JdbcClient jdbc;

    ScorecardWarmUp(Scorecards scorecards, DashboardFilters filters, JdbcClient jdbc) {
        this.scorecards = scorecards;
        this.filters = filters;
        this.jdbc = jdbc;
    }

    @Override
    public void warm(DashboardFilter defaults) {
        Period period = filters.scorecardPeriod(null, null);
        jdbc.sql("select min(external_id) from reps group by team order by team").query(String.class).list()
                .forEach(rep -> scorecards.of(rep, period));
    }
}
