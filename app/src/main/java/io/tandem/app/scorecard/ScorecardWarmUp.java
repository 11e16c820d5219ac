package io.tandem.app.scorecard;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.Scorecards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scorecards share their team's figures (Scorecards keeps them per team and period): each team's figures
 * for the default period and the six before it are what every scorecard of that team needs.
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
        jdbc.sql("select distinct team from reps order by team").query(String.class).list()
                .forEach(team -> scorecards.warmTeam(team, period));
    }
}
