package io.tandem.app.admin;

import io.tandem.app.db.LongStatements;
import io.tandem.app.security.Audit;
import io.tandem.domain.settings.Settings;
import io.tandem.domain.settings.SettingsRepository;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisation settings read by the metrics; validated field by field and audited. */
@Controller
class SettingsController {

    private final SettingsRepository settings;
    private final Audit audit;
    private final JdbcClient jdbc;

    SettingsController(SettingsRepository settings, Audit audit, JdbcClient jdbc) {
        this.settings = settings;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/settings")
    String form(Model model) {
        model.addAttribute("form", SettingsForm.of(settings.current()));
        return "admin/settings";
    }

    @PostMapping("/admin/settings")
    @Transactional
    String save(@Valid @ModelAttribute("form") SettingsForm form, BindingResult errors, RedirectAttributes redirect) {
        form.validateTogether(errors);
        if (errors.hasErrors()) {
            return "admin/settings";
        }
        // a change of time zone, segment bounds or difficulty thresholds rebuilds the pre-aggregated tables
        LongStatements.allowInThisTransaction(jdbc);
        Settings current = settings.current();
        Map<String, String> changes = form.applyTo(current);
        if (!changes.isEmpty()) {
            audit.record("settings_changed", changes.toString());
        }
        redirect.addFlashAttribute("message", changes.isEmpty() ? "Nothing changed." : "Settings saved.");
        return "redirect:/admin/settings";
    }
}
