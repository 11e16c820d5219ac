package io.tandem.app.growth;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Growth page (metrics.md section 5) and the CSV of its tables. */
@Controller
class GrowthController {

    private final GrowthReport report;
    private final DashboardPage page;

    GrowthController(GrowthReport report, DashboardPage page) {
        this.report = report;
        this.page = page;
    }

    @GetMapping("/growth")
    String growth(@Filter(page = true) DashboardFilter filter, Authentication auth, Model model) {
        if (page.hasData(model)) {
            model.addAttribute("growth", report.growth(filter, auth.getPrincipal()));
        }
        return "growth/growth";
    }

    @GetMapping("/growth/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String table, DashboardFilter filter, Authentication auth) {
        return report.table(table, filter, auth.getPrincipal()).response();
    }
}
