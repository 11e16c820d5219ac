package io.tandem.app.revenue;

import static io.tandem.app.web.MetricResponses.respond;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
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
    private final DashboardFilters filters;

    RevenueApiController(RevenueReport report, DashboardFilters filters) {
        this.report = report;
        this.filters = filters;
    }

    @GetMapping({"/api/metrics/revenue/movements", "/api/metrics/revenue/movements.csv"})
    ResponseEntity<?> movements(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String team,
                                @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.movements(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.movementsCsv(body));
    }

    @GetMapping({"/api/metrics/retention/churn", "/api/metrics/retention/churn.csv"})
    ResponseEntity<?> churn(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String team,
                            @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.churn(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.churnCsv(body));
    }

    @GetMapping({"/api/metrics/retention/cohorts", "/api/metrics/retention/cohorts.csv"})
    ResponseEntity<?> cohorts(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String team,
                              @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.cohorts(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.cohortsCsv(body));
    }

    /**
     * The accounts behind one cohort cell: cohort month and age in months; a page of {@code limit}
     * (default 100, at most 1,000) from {@code offset}. The CSV holds the whole cell.
     */
    @GetMapping({"/api/metrics/retention/cohorts/accounts", "/api/metrics/retention/cohorts/accounts.csv"})
    ResponseEntity<?> cohortAccounts(@RequestParam String cohort, @RequestParam int age,
                                     @RequestParam(required = false) String team,
                                     @RequestParam(required = false) String segment,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) Long offset, HttpServletRequest request,
                                     HttpServletResponse response) {
        DashboardFilter filter = filter(null, null, team, segment);
        if (MetricResponses.wantsCsv(request)) {
            report.sendCohortAccountsCsv(cohort, age, filter, response);
            return null; // streamed
        }
        return ResponseEntity.ok(report.cohortAccounts(cohort, age, filter,
                Paging.of(limit, offset, RevenueReport.COHORT_PAGE, RevenueReport.MAX_COHORT_PAGE)));
    }

    @GetMapping({"/api/metrics/revenue/retention", "/api/metrics/revenue/retention.csv"})
    ResponseEntity<?> retention(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String team,
                                @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.retention(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.retentionCsv(body));
    }

    @GetMapping({"/api/metrics/revenue/arpu-by-age", "/api/metrics/revenue/arpu-by-age.csv"})
    ResponseEntity<?> arpuByAge(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String team,
                                @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.arpu(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.arpuCsv(body));
    }

    @GetMapping({"/api/metrics/segments", "/api/metrics/segments.csv"})
    ResponseEntity<?> segments(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String team,
                               @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.segments(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.segmentsCsv(body));
    }

    @GetMapping({"/api/metrics/retention/leading-indicators", "/api/metrics/retention/leading-indicators.csv"})
    ResponseEntity<?> leadingIndicators(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String team,
                                        @RequestParam(required = false) String segment, HttpServletRequest request) {
        var body = report.indicators(filter(from, to, team, segment));
        return respond(request, body, () -> RevenueReport.indicatorsCsv(body));
    }

    private DashboardFilter filter(String from, String to, String team, String segment) {
        return filters.parse(from, to, team, segment, null);
    }
}
