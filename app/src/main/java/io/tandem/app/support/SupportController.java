package io.tandem.app.support;

import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.app.web.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The Support page (metrics.md section 2), its ticket drill-down and the CSV of each of its tables. */
@Controller
class SupportController {

    private final SupportReport report;
    private final DashboardPage page;

    SupportController(SupportReport report, DashboardPage page) {
        this.report = report;
        this.page = page;
    }

    /** The page's shell: its cards load on their own (SupportReport.CARDS). */
    @GetMapping("/support")
    String support(@Filter(page = true) DashboardFilter filter, Model model) {
        page.hasData(model);
        return "support/support";
    }

    /** The tickets behind a week or a rep: a paged table with its CSV. */
    @GetMapping("/support/tickets")
    String tickets(@RequestParam(required = false) String week, @RequestParam(required = false) String rep,
                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset,
                   @Filter(page = true) DashboardFilter filter, Authentication auth, Model model) {
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
                                      DashboardFilter filter, Authentication auth,
                                      HttpServletResponse response) {
        try {
            report.sendTicketsCsv(filter, week, rep, auth.getPrincipal(), response);
            return null; // streamed
        } catch (ResponseStatusException e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(e.getReason());
        }
    }
}
