package io.tandem.app.happiness;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/metrics/support/happiness (metrics.md section 3). CSV: the per-rep table (actual, expected, gap,
 * hard share, n and interval together).
 */
@RestController
class HappinessApiController {

    private final HappinessReport report;
    private final DashboardFilters filters;

    HappinessApiController(HappinessReport report, DashboardFilters filters) {
        this.report = report;
        this.filters = filters;
    }

    @GetMapping({"/api/metrics/support/happiness", "/api/metrics/support/happiness.csv"})
    ResponseEntity<?> happiness(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String team,
                                @RequestParam(required = false) String segment, Authentication auth,
                                HttpServletRequest request) {
        var body = report.happiness(filters.parse(from, to, team, segment, null), auth.getPrincipal());
        return respond(request, body, () -> HappinessReport.repsCsv(body));
    }
}
