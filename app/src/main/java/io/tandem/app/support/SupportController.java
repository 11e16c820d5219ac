package io.tandem.app.support;

import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardFilters;
import io.tandem.app.web.DashboardPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The Support page (metrics.md section 2), its ticket drill-down and the CSV of each of its tables. */
@Controller
class SupportController {

    private final SupportReport report;
    private final DashboardPage page;
    private final DashboardFilters filters;

    SupportController(SupportReport report, DashboardPage page, DashboardFilters filters) {
        this.report = report;
        this.page = page;
        this.filters = filters;
    }

    @GetMapping("/support")
    String support(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String team, @RequestParam(required = false) String segment,
                   @RequestParam(required = false) String range, Authentication auth, Model model) {
        DashboardFilter filter = page.filter(model, from, to, team, segment, range);
        if (page.hasData(model)) {
            model.addAttribute("rvv", report.responseVsVolume(filter, auth.getPrincipal()));
            model.addAttribute("contact", report.contactRate(filter));
        }
        return "support/support";
    }

    /** The tickets behind a week or a rep: a paged table with its CSV. */
    @GetMapping("/support/tickets")
    String tickets(@RequestParam(required = false) String week, @RequestParam(required = false) String rep,
                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String team, @RequestParam(required = false) String segment,
                   @RequestParam(required = false) String range, Authentication auth, Model model) {
        DashboardFilter filter = page.filter(model, from, to, team, segment, range);
        try {
            model.addAttribute("page", report.tickets(filter, week, rep, limit, offset, auth.getPrincipal()));
        } catch (BadParameterException e) {
            model.addAttribute("ticketsError", e.getMessage());
        } catch (ResponseStatusException e) {
            model.addAttribute("ticketsError", e.getReason());
        }
        return "support/tickets";
    }

    @GetMapping("/support/tickets.csv")
    ResponseEntity<String> ticketsCsv(@RequestParam(required = false) String week,
                                      @RequestParam(required = false) String rep,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String team,
                                      @RequestParam(required = false) String segment,
                                      @RequestParam(required = false) String range, Authentication auth,
                                      HttpServletResponse response) {
        try {
            DashboardFilter filter = filters.parse(from, to, team, segment, range);
            report.sendTicketsCsv(filter, week, rep, auth.getPrincipal(), response);
            return null; // streamed
        } catch (BadParameterException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        } catch (ResponseStatusException e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(e.getReason());
        }
    }

    @GetMapping("/support/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                               @RequestParam(required = false) String segment,
                               @RequestParam(required = false) String range, Authentication auth) {
        if (!SupportReport.TABLES.contains(table)) {
            return ResponseEntity.notFound().build();
        }
        try {
            return report.table(table, filters.parse(from, to, team, segment, range), auth.getPrincipal()).response();
        } catch (BadParameterException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
    }
}
