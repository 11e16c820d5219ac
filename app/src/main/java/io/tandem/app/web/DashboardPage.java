package io.tandem.app.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The shared model of a dashboard page: the filter read from the URL and what the filter bar
 * (templates/fragments/dashboard.html) offers. A bad parameter does not break the page: it shows the
 * defaults with a message naming the parameter.
 */
@Component
public class DashboardPage {

    private final DashboardFilters filters;

    DashboardPage(DashboardFilters filters) {
        this.filters = filters;
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
