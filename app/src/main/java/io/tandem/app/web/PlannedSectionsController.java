package io.tandem.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Sections in the navigation whose dashboards are not built yet. Each says so plainly, names
 * what it will show, and points to what works today, instead of a broken link.
 */
@Controller
class PlannedSectionsController {

    @GetMapping({"/{section:sales}"})
    String planned(@PathVariable String section, Model model) {
        model.addAttribute("section", section);
        return "planned";
    }
}
