package io.tandem.app.home;

import io.tandem.metrics.overview.HeadlinesQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final HeadlinesQuery headlines;

    HomeController(HeadlinesQuery headlines) {
        this.headlines = headlines;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("headlines", headlines.fetch());
        return "home";
    }
}
