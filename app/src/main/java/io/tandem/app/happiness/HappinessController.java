package io.tandem.app.happiness;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Happiness page (metrics.md section 3) and the CSV of its tables. */
@Controller
class HappinessController {

    private final DashboardPage page;

    HappinessController(DashboardPage page) {
        this.page = page;
    }

    /** The page's shell: its cards load on their own (HappinessReport.CARDS). */
    @GetMapping("/happiness")
    String happiness(@Filter(page = true) DashboardFilter filter, Model model) {
        page.hasData(model);
        return "happiness/happiness";
    }
}
