package io.tandem.app.growth;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/metrics/growth (metrics.md section 5). CSV: the figures; {@code /api/metrics/growth/high-touch.csv}
 * (or {@code Accept: text/csv} on it) the per-rep table.
 */
@RestController
class GrowthApiController {

    private final GrowthReport report;

    GrowthApiController(GrowthReport report) {
        this.report = report;
    }

    @GetMapping({"/api/metrics/growth", "/api/metrics/growth.csv"})
    ResponseEntity<?> growth(DashboardFilter filter, Authentication auth,
                             HttpServletRequest request) {
        var body = report.growth(filter, auth.getPrincipal());
        return respond(request, body, () -> GrowthReport.growthCsv(body));
    }

    @GetMapping({"/api/metrics/growth/high-touch", "/api/metrics/growth/high-touch.csv"})
    ResponseEntity<?> highTouch(DashboardFilter filter, Authentication auth,
                                HttpServletRequest request) {
        var body = report.growth(filter, auth.getPrincipal());
        return respond(request, new HighTouch(body.highTouchTargetPer100kCost(), body.highTouch()),
                () -> GrowthReport.highTouchCsv(body));
    }

    record HighTouch(java.math.BigDecimal targetPer100kCost, java.util.List<GrowthBody.HighTouchLine> highTouch) {
    }
}
