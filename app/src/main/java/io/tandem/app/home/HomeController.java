package io.tandem.app.home;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.web.DashboardFilter;
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

    HomeController(HeadlinesQuery headlines, MetricCache cache, Clock clock) {
        this.headlines = headlines;
        this.cache = cache;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("headlines", headlines());
        return "home";
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
