package io.tandem.app.web;

import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;

/**
 * The shared model of a dashboard page: the filter read from the URL and what the filter bar
 * (templates/fragments/dashboard.html) offers. A bad parameter does not break the page: it shows the
 * defaults with a message naming the parameter.
 */
@Component
public class DashboardPage {

    private final DashboardFilters filters;
    private final JdbcClient jdbc;

    DashboardPage(DashboardFilters filters, JdbcClient jdbc) {
        this.filters = filters;
        this.jdbc = jdbc;
    }

    /** Whether there is anything to show; the page shows its empty state otherwise (model: hasData). */
    public boolean hasData(Model model) {
        boolean hasData = jdbc.sql("select exists (select 1 from accounts) or exists (select 1 from tickets)")
                .query(Boolean.class).single();
        model.addAttribute("hasData", hasData);
        return hasData;
    }

    public DashboardFilter filter(Model model, String from, String to, String team, String segment, String range) {
        DashboardFilter filter;
        try {
            filter = filters.parse(from, to, team, segment, range);
        } catch (BadParameterException e) {
            model.addAttribute("filterError", e.getMessage());
            filter = filters.defaults();
        }
        model.addAttribute("filter", filter);
        model.addAttribute("teams", filters.teams());
        model.addAttribute("segments", filters.segments());
        model.addAttribute("presets", DashboardFilters.PRESETS);
        return filter;
    }
}
