package io.tandem.app.sales;

import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import io.tandem.domain.settings.SettingsRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Sales quality page (metrics.md section 4) and the CSV of its tables. */
@Controller
class SalesController {

    private final DashboardPage page;
    private final SettingsRepository settings;

    SalesController(DashboardPage page, SettingsRepository settings) {
        this.page = page;
        this.settings = settings;
    }

    /**
     * The page's shell: its cards load on their own (SalesReport.CARDS). The commission card's definition
     * names the rate, which the settings hold (the card itself reads it with its figures).
     */
    @GetMapping("/sales")
    String sales(@Filter(page = true) DashboardFilter filter, Model model) {
        if (page.hasData(model)) {
            model.addAttribute("commissionRate", settings.current().getCommissionRate());
        }
        return "sales/sales";
    }
}
