package io.tandem.app.scorecard;

import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.Scorecard;
import io.tandem.metrics.scorecard.Scorecards;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    ScorecardApiController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/api/metrics/reps/{externalId}/scorecard")
    Scorecard scorecard(@PathVariable String externalId, Period period) {
        return scorecards.of(externalId, period)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no rep with external id '" + externalId + "'."));
    }
}
