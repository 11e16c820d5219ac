package io.tandem.app.happiness;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/metrics/support/happiness (metrics.md section 3). CSV: the per-rep table (actual, expected, gap,
 * hard share, n and interval together).
 */
@RestController
class HappinessApiController {

    private final HappinessReport report;

    HappinessApiController(HappinessReport report) {
        this.report = report;
    }

    @GetMapping({"/api/metrics/support/happiness", "/api/metrics/support/happiness.csv"})
    ResponseEntity<?> happiness(DashboardFilter filter, Authentication auth,
                                HttpServletRequest request) {
        var body = report.happiness(filter, auth.getPrincipal());
        return respond(request, body, () -> HappinessReport.repsCsv(body));
    }
}
