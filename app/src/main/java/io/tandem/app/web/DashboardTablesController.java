package io.tandem.app.web;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The CSV of every dashboard table, {@code /<page>/<table>.csv}: one route for all pages, so that an unknown
 * table is a 404 on each alike. Literal routes such as {@code /support/tickets.csv} are more specific and win.
 */
@Controller
class DashboardTablesController {

    private final List<DashboardTables> pages;

    DashboardTablesController(List<DashboardTables> pages) {
        this.pages = pages;
    }

    @GetMapping("/{page:[a-z]+}/{table:[a-z0-9-]+}.csv")
    ResponseEntity<String> csv(@PathVariable String page, @PathVariable String table, DashboardFilter filter,
                               Authentication auth) throws NoResourceFoundException {
        DashboardTables tables = pages.stream().filter(p -> page.equals(p.page())).findFirst().orElse(null);
        if (tables == null) {
            throw new NoResourceFoundException(HttpMethod.GET, "/" + page + "/" + table + ".csv",
                    page + "/" + table + ".csv");
        }
        if (!tables.tables().contains(table)) {
            throw new NoSuchTableException(table, tables.tables());
        }
        return tables.table(table, filter, auth.getPrincipal()).response();
    }
}
