package io.tandem.app.home;

import io.tandem.app.cache.MetricCache;
import io.tandem.metrics.overview.HeadlinesQuery;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final HeadlinesQuery headlines;
    private final MetricCache cache;

    HomeController(HeadlinesQuery headlines, MetricCache cache) {
        this.headlines = headlines;
        this.cache = cache;
    }

    @GetMapping("/")
    String home(Model model) {
        // the headlines read "last week" and "this month" from the clock: keyed by today
        model.addAttribute("headlines", cache.get("headlines", LocalDate.now(), headlines::fetch));
        return "home";
    }
}
