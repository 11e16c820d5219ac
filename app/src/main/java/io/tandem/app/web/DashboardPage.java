package io.tandem.app.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The shared model of a dashboard page beside its filter (bound by {@link DashboardFilterArguments}):
 * whether there is data to show.
 */
@Component
public class DashboardPage {

    private final JdbcClient jdbc;

    DashboardPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether there is anything to show; the page shows its empty state otherwise (model: hasData). */
    public boolean hasData(Model model) {
        boolean hasData = jdbc.sql("select exists (select 1 from accounts) or exists (select 1 from tickets)")
                .query(Boolean.class).single();
        model.addAttribute("hasData", hasData);
        return hasData;
    }
}
