package io.tandem.app.web;

import io.tandem.domain.settings.Settings;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.metrics.Rate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the organisation's name and the demo-data banner; and the
 * low-sample threshold, for the few figures whose record carries n without a flag.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    private final SettingsRepository settings;

    LayoutAttributes(SettingsRepository settings) {
        this.settings = settings;
    }

    @ModelAttribute
    void layout(Model model) {
        Settings current = settings.current();
        model.addAttribute("organisationName", current.getOrganisationName());
        model.addAttribute("demoData", "loaded".equals(current.getDemoState()));
        model.addAttribute("repsSeeTeamPages", current.isRepsSeeTeamPages());
        // instants on pages are shown in the organisation's time zone
        model.addAttribute("zone", ZoneId.of(current.getTimeZone()));
        model.addAttribute("lowSampleBelow", Rate.LOW_SAMPLE_BELOW);
    }
}
