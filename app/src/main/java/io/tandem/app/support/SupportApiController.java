package io.tandem.app.support;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.MetricResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support metrics of api.md (metrics.md section 2) as JSON, or CSV with {@code Accept: text/csv} or a
 * {@code .csv} path. Common parameters: from, to, team, segment (default: the last 12 full months). CSV of
 * response-vs-volume is the weekly table; {@code response-vs-volume/reps} is the per-rep table.
 */
@RestController
class SupportApiController {

    private final SupportReport report;

    SupportApiController(SupportReport report) {
        this.report = report;
    }

    @GetMapping({"/api/metrics/support/response-vs-volume", "/api/metrics/support/response-vs-volume.csv"})
    ResponseEntity<?> responseVsVolume(DashboardFilter filter, Authentication auth,
                                       HttpServletRequest request) {
        var body = report.responseVsVolume(filter, auth.getPrincipal());
        return respond(request, body, () -> SupportReport.weeksCsv(body));
    }

    @GetMapping({"/api/metrics/support/response-vs-volume/reps", "/api/metrics/support/response-vs-volume/reps.csv"})
    ResponseEntity<?> reps(DashboardFilter filter, Authentication auth,
                           HttpServletRequest request) {
        var body = report.responseVsVolume(filter, auth.getPrincipal());
        return respond(request, new Reps(body.reps(), body.loadBalance()), () -> SupportReport.repsCsv(body));
    }

    @GetMapping({"/api/metrics/support/contact-rate", "/api/metrics/support/contact-rate.csv"})
    ResponseEntity<?> contactRate(DashboardFilter filter, HttpServletRequest request) {
        var body = report.contactRate(filter);
        return respond(request, body, () -> SupportReport.contactRateCsv(body));
    }

    /**
     * The tickets behind a week or a rep (drill-down), a page at a time (limit at most 1,000); the CSV holds
     * the whole selection, streamed.
     */
    @GetMapping({"/api/metrics/support/tickets", "/api/metrics/support/tickets.csv"})
    ResponseEntity<?> tickets(@RequestParam(required = false) String week, @RequestParam(required = false) String rep,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) Long offset,
                              DashboardFilter filter, Authentication auth,
                              HttpServletRequest request, HttpServletResponse response) {
        if (MetricResponses.wantsCsv(request)) {
            report.sendTicketsCsv(filter, week, rep, auth.getPrincipal(), response);
            return null; // streamed
        }
        return ResponseEntity.ok(report.tickets(filter, week, rep, limit, offset, auth.getPrincipal()));
    }

    record Reps(java.util.List<SupportBodies.RepLine> reps, SupportBodies.LoadBalanceLine loadBalance) {
    }
}
