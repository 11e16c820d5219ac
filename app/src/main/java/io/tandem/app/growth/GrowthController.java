package io.tandem.app.growth;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
}
