package io.tandem.app.happiness;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Happiness page (metrics.md section 3) and the CSV of its tables. */
@Controller
class HappinessController {

    private final HappinessReport report;
    private final DashboardPage page;

    HappinessController(HappinessReport report, DashboardPage page) {
        this.report = report;
        this.page = page;
    }

    @GetMapping("/happiness")
    String happiness(@Filter(page = true) DashboardFilter filter, Authentication auth, Model model) {
        if (page.hasData(model)) {
            model.addAttribute("h", report.happiness(filter, auth.getPrincipal()));
        }
        return "happiness/happiness";
    }

    @GetMapping("/happiness/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String table, DashboardFilter filter, Authentication auth) {
        return report.table(table, filter, auth.getPrincipal()).response();
    }
}
