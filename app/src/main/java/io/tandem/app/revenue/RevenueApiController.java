package io.tandem.app.revenue;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.Filter;
import io.tandem.app.web.MetricResponses;
import io.tandem.app.web.Paging;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The revenue and retention metrics of api.md as JSON, or CSV with {@code Accept: text/csv} or a
 * {@code .csv} path. Common parameters: from, to, team, segment (defaults: the last 12 full months;
 * the cohort table, ARPU by age and the leading indicators default to all history, metrics.md section 0).
 */
@RestController
class RevenueApiController {

    private final RevenueReport report;

    RevenueApiController(RevenueReport report) {
        this.report = report;
    }

    @GetMapping({"/api/metrics/revenue/movements", "/api/metrics/revenue/movements.csv"})
    ResponseEntity<?> movements(DashboardFilter filter, HttpServletRequest request) {
        var body = report.movements(filter);
        return respond(request, body, () -> RevenueReport.movementsCsv(body));
    }

    @GetMapping({"/api/metrics/retention/churn", "/api/metrics/retention/churn.csv"})
    ResponseEntity<?> churn(DashboardFilter filter, HttpServletRequest request) {
        var body = report.churn(filter);
        return respond(request, body, () -> RevenueReport.churnCsv(body));
    }

    @GetMapping({"/api/metrics/retention/cohorts", "/api/metrics/retention/cohorts.csv"})
    ResponseEntity<?> cohorts(DashboardFilter filter, HttpServletRequest request) {
        var body = report.cohorts(filter);
        return respond(request, body, () -> RevenueReport.cohortsCsv(body));
    }

    /**
     * The accounts behind one cohort cell: cohort month and age in months; a page of {@code limit}
     * (default 100, at most 1,000) from {@code offset}. The CSV holds the whole cell.
     */
    @GetMapping({"/api/metrics/retention/cohorts/accounts", "/api/metrics/retention/cohorts/accounts.csv"})
    ResponseEntity<?> cohortAccounts(@RequestParam String cohort, @RequestParam int age,
                                     @Filter(scopeOnly = true) DashboardFilter filter,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) Long offset, HttpServletRequest request,
                                     HttpServletResponse response) {
        if (MetricResponses.wantsCsv(request)) {
            report.sendCohortAccountsCsv(cohort, age, filter, response);
            return null; // streamed
        }
        return ResponseEntity.ok(report.cohortAccounts(cohort, age, filter,
                Paging.of(limit, offset, RevenueReport.COHORT_PAGE, RevenueReport.MAX_COHORT_PAGE)));
    }

    @GetMapping({"/api/metrics/revenue/retention", "/api/metrics/revenue/retention.csv"})
    ResponseEntity<?> retention(DashboardFilter filter, HttpServletRequest request) {
        var body = report.retention(filter);
        return respond(request, body, () -> RevenueReport.retentionCsv(body));
    }

    @GetMapping({"/api/metrics/revenue/arpu-by-age", "/api/metrics/revenue/arpu-by-age.csv"})
    ResponseEntity<?> arpuByAge(DashboardFilter filter, HttpServletRequest request) {
        var body = report.arpu(filter);
        return respond(request, body, () -> RevenueReport.arpuCsv(body));
    }

    @GetMapping({"/api/metrics/segments", "/api/metrics/segments.csv"})
    ResponseEntity<?> segments(DashboardFilter filter, HttpServletRequest request) {
        var body = report.segments(filter);
        return respond(request, body, () -> RevenueReport.segmentsCsv(body));
    }

    @GetMapping({"/api/metrics/retention/leading-indicators", "/api/metrics/retention/leading-indicators.csv"})
    ResponseEntity<?> leadingIndicators(DashboardFilter filter, HttpServletRequest request) {
        var body = report.indicators(filter);
        return respond(request, body, () -> RevenueReport.indicatorsCsv(body));
    }
}
