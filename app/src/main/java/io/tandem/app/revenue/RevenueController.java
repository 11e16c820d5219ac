package io.tandem.app.revenue;

import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Paging;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Revenue &amp; retention page, its cohort drill-down and the CSV of each of its tables. */
@Controller
class RevenueController {

    private final RevenueReport report;
    private final DashboardPage page;
    private final DashboardFilters filters;

    RevenueController(RevenueReport report, DashboardPage page, DashboardFilters filters) {
        this.report = report;
        this.page = page;
        this.filters = filters;
    }

    @GetMapping("/revenue")
    String revenue(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String team, @RequestParam(required = false) String segment,
                   @RequestParam(required = false) String range, Model model) {
        DashboardFilter filter = page.filter(model, from, to, team, segment, range);
        if (page.hasData(model)) {
            model.addAttribute("movements", report.movements(filter));
            model.addAttribute("churn", report.churn(filter));
            model.addAttribute("cohorts", report.cohorts(filter));
            model.addAttribute("retention", report.retention(filter));
            model.addAttribute("arpu", report.arpu(filter));
            model.addAttribute("segmentRows", report.segments(filter));
            model.addAttribute("indicators", report.indicators(filter));
        }
        return "revenue/revenue";
    }

    @GetMapping("/revenue/cohort")
    String cohort(@RequestParam(required = false) String cohort, @RequestParam(required = false) Integer age,
                  @RequestParam(required = false) String team, @RequestParam(required = false) String segment,
                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset,
                  Model model) {
        DashboardFilter filter = page.filter(model, null, null, team, segment, null);
        try {
            if (age == null) {
                throw new BadParameterException("age", "Parameter 'age' is required.");
            }
            model.addAttribute("cell", report.cohortAccounts(cohort, age, filter,
                    Paging.of(limit, offset, RevenueReport.COHORT_PAGE, RevenueReport.MAX_COHORT_PAGE)));
        } catch (BadParameterException e) {
            model.addAttribute("cellError", e.getMessage());
        }
        return "revenue/cohort";
    }

    @GetMapping("/revenue/cohort.csv")
    ResponseEntity<String> cohortCsv(@RequestParam(required = false) String cohort,
                                     @RequestParam(required = false) Integer age,
                                     @RequestParam(required = false) String team,
                                     @RequestParam(required = false) String segment,
                                     HttpServletResponse response) {
        try {
            if (age == null) {
                throw new BadParameterException("age", "Parameter 'age' is required.");
            }
            DashboardFilter filter = filters.parse(null, null, team, segment, null);
            report.sendCohortAccountsCsv(cohort, age, filter, response);
            return null; // streamed
        } catch (BadParameterException e) {
            return badRequest(e);
        }
    }

    @GetMapping("/revenue/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                               @RequestParam(required = false) String segment,
                               @RequestParam(required = false) String range) {
        try {
            return report.table(table, filters.parse(from, to, team, segment, range)).response();
        } catch (BadParameterException e) {
            return badRequest(e);
        }
    }

    private static ResponseEntity<String> badRequest(BadParameterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
