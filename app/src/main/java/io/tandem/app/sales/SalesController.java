package io.tandem.app.sales;

import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.CsvTable;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
import io.tandem.app.web.DashboardPage;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Sales quality page (metrics.md section 4) and the CSV of its tables. */
@Controller
class SalesController {

    private final SalesReport report;
    private final DashboardPage page;
    private final DashboardFilters filters;

    SalesController(SalesReport report, DashboardPage page, DashboardFilters filters) {
        this.report = report;
        this.page = page;
        this.filters = filters;
    }

    @GetMapping("/sales")
    String sales(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String team, @RequestParam(required = false) String segment,
                 @RequestParam(required = false) String range, Authentication auth, Model model) {
        DashboardFilter filter = page.filter(model, from, to, team, segment, range);
        if (page.hasData(model)) {
            model.addAttribute("sales", report.sales(filter, auth.getPrincipal()));
        }
        return "sales/sales";
    }

    @GetMapping("/sales/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                               @RequestParam(required = false) String segment,
                               @RequestParam(required = false) String range, Authentication auth) {
        Function<SalesBody, CsvTable> csv = SalesReport.table(table);
        if (csv == null) {
            return ResponseEntity.notFound().build();
        }
        try {
            return csv.apply(report.sales(filters.parse(from, to, team, segment, range), auth.getPrincipal()))
                    .response();
        } catch (BadParameterException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
    }
}
