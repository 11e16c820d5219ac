package io.tandem.app.scorecard;

import io.tandem.domain.reps.RepRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/metrics/reps/{externalId}/scorecard. For now it names the rep (rep, name, team, role);
 * the four rows of api.md (volume, speed, quality, outcome) come with the scorecard metrics.
 */
@RestController
class ScorecardApiController {

    record Scorecard(String rep, String name, String team, String role) {
    }

    private final RepRepository reps;

    ScorecardApiController(RepRepository reps) {
        this.reps = reps;
    }

    @GetMapping("/api/metrics/reps/{externalId}/scorecard")
    Scorecard scorecard(@PathVariable String externalId) {
        return reps.findByExternalId(externalId)
                .map(r -> new Scorecard(r.getExternalId(), r.getName(), r.getTeam(), r.getRole().code()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no rep with external id '" + externalId + "'."));
    }
}
