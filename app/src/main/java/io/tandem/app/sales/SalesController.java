package io.tandem.app.sales;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Sales quality page (metrics.md section 4) and the CSV of its tables. */
@Controller
class SalesController {

    private final SalesReport report;
    private final DashboardPage page;

    SalesController(SalesReport report, DashboardPage page) {
        this.report = report;
        this.page = page;
    }

    @GetMapping("/sales")
    String sales(@Filter(page = true) DashboardFilter filter, Authentication auth, Model model) {
        if (page.hasData(model)) {
            model.addAttribute("sales", report.sales(filter, auth.getPrincipal()));
        }
        return "sales/sales";
    }
}
