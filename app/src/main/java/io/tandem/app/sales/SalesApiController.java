package io.tandem.app.sales;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/metrics/sales/quality (metrics.md section 4): per rep and the support-sourced pipeline. CSV
 * ({@code .csv} or {@code Accept: text/csv}): the per-rep table; {@code /api/metrics/sales/support-sourced}
 * gives the support-sourced pipeline alone, as CSV its list of deals.
 */
@RestController
class SalesApiController {

    private final SalesReport report;

    SalesApiController(SalesReport report) {
        this.report = report;
    }

    @GetMapping({"/api/metrics/sales/quality", "/api/metrics/sales/quality.csv"})
    ResponseEntity<?> quality(DashboardFilter filter, Authentication auth,
                              HttpServletRequest request) {
        var body = report.sales(filter, auth.getPrincipal());
        return respond(request, body, () -> SalesReport.repsCsv(body));
    }

    @GetMapping({"/api/metrics/sales/support-sourced", "/api/metrics/sales/support-sourced.csv"})
    ResponseEntity<?> supportSourced(DashboardFilter filter, Authentication auth,
                                     HttpServletRequest request) {
        var body = report.sales(filter, auth.getPrincipal());
        return respond(request, body.supportSourced(), () -> SalesReport.supportSourcedCsv(body));
    }
}
