package io.tandem.app.happiness;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
}
