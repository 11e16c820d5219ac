package io.tandem.app.growth;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Growth page (metrics.md section 5) and the CSV of its tables. */
@Controller
class GrowthController {

    private final DashboardPage page;

    GrowthController(DashboardPage page) {
        this.page = page;
    }

    /** The page's shell: its cards load on their own (GrowthReport.CARDS). */
    @GetMapping("/growth")
    String growth(@Filter(page = true) DashboardFilter filter, Model model) {
        page.hasData(model);
        return "growth/growth";
    }
}
