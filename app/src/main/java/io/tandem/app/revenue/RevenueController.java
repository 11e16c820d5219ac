package io.tandem.app.revenue;

import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import io.tandem.app.web.Paging;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Revenue &amp; retention page, its cohort drill-down and the CSV of each of its tables. */
@Controller
class RevenueController {

    private final RevenueReport report;
    private final DashboardPage page;

    RevenueController(RevenueReport report, DashboardPage page) {
        this.report = report;
        this.page = page;
    }

    /** The page's shell: its cards load on their own (RevenueReport.CARDS). */
    @GetMapping("/revenue")
    String revenue(@Filter(page = true) DashboardFilter filter, Model model) {
        page.hasData(model);
        return "revenue/revenue";
    }

    @GetMapping("/revenue/cohort")
    String cohort(@RequestParam(required = false) String cohort, @RequestParam(required = false) Integer age,
                  @Filter(scopeOnly = true, page = true) DashboardFilter filter,
                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset,
                  Model model) {
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
                                     @Filter(scopeOnly = true) DashboardFilter filter,
                                     HttpServletResponse response) {
        if (age == null) {
            throw new BadParameterException("age", "Parameter 'age' is required.");
        }
        report.sendCohortAccountsCsv(cohort, age, filter, response);
        return null; // streamed
    }
}
