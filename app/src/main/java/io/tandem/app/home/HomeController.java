package io.tandem.app.home;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardPage;
import io.tandem.metrics.overview.Headlines;
import io.tandem.metrics.overview.HeadlinesQuery;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController implements CacheWarmUp {

    private final HeadlinesQuery headlines;
    private final MetricCache cache;
    private final Clock clock;
    private final DashboardPage page;

    HomeController(HeadlinesQuery headlines, MetricCache cache, Clock clock, DashboardPage page) {
        this.headlines = headlines;
        this.cache = cache;
        this.clock = clock;
        this.page = page;
    }

    /**
     * The overview's shell: the empty state, or a placeholder for the headline figures, which load on their
     * own (one query, about a second cold on a large company), so that the page never waits for them.
     */
    @GetMapping("/")
    String home(Model model) {
        page.hasData(model);
        return "home";
    }

    /** The headline figures on their own, for the page's placeholder (static/js/cards.js). */
    @GetMapping("/cards/headlines")
    String headlines(Model model) {
        model.addAttribute("headlines", headlines());
        return "home :: headlines";
    }

    @Override
    public void warm(DashboardFilter defaults) {
        headlines();
    }

    /** The headlines read "last week" and "this month" from the clock: cached by today. */
    private Headlines headlines() {
        return cache.get("headlines", LocalDate.now(clock), headlines::fetch);
    }
}
