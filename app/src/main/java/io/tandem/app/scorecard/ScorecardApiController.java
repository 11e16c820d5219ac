package io.tandem.app.scorecard;

import io.tandem.app.web.DashboardFilters;
import io.tandem.metrics.scorecard.Scorecard;
import io.tandem.metrics.scorecard.Scorecards;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/metrics/reps/{externalId}/scorecard?from&to} (api.md): rep, role, period and the
 * four rows volume, speed, quality, outcome, each figure with the rep's value, the team median and
 * the six earlier periods. Default period: the last full calendar month.
 */
@RestController
class ScorecardApiController {

    private final Scorecards scorecards;
    private final DashboardFilters filters;

    ScorecardApiController(Scorecards scorecards, DashboardFilters filters) {
        this.scorecards = scorecards;
        this.filters = filters;
    }

    @GetMapping("/api/metrics/reps/{externalId}/scorecard")
    Scorecard scorecard(@PathVariable String externalId, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to) {
        return scorecards.of(externalId, filters.scorecardPeriod(from, to))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no rep with external id '" + externalId + "'."));
    }
}
