package io.tandem.app.happiness;

import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
import io.tandem.app.web.DashboardPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Happiness page (metrics.md section 3) and the CSV of its tables. */
@Controller
class HappinessController {

    private final HappinessReport report;
    private final DashboardPage page;
    private final DashboardFilters filters;

    HappinessController(HappinessReport report, DashboardPage page, DashboardFilters filters) {
        this.report = report;
        this.page = page;
        this.filters = filters;
    }

    @GetMapping("/happiness")
    String happiness(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String team, @RequestParam(required = false) String segment,
                     @RequestParam(required = false) String range, Authentication auth, Model model) {
        DashboardFilter filter = page.filter(model, from, to, team, segment, range);
        if (page.hasData(model)) {
            model.addAttribute("h", report.happiness(filter, auth.getPrincipal()));
        }
        return "happiness/happiness";
    }

    @GetMapping("/happiness/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                               @RequestParam(required = false) String segment,
                               @RequestParam(required = false) String range, Authentication auth) {
        if (!HappinessReport.TABLES.contains(table)) {
            return ResponseEntity.notFound().build();
        }
        try {
            return report.table(table, filters.parse(from, to, team, segment, range), auth.getPrincipal()).response();
        } catch (BadParameterException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
    }
}
