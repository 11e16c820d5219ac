package io.tandem.app.security;

import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.users.AppUserRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final SettingsRepository settings;
    private final AppUserRepository users;

    LoginController(SettingsRepository settings, AppUserRepository users) {
        this.settings = settings;
        this.users = users;
    }

    /** While demo data is loaded the page lists the demo users and their shared password. */
    @GetMapping("/login")
    @Transactional(readOnly = true)
    String login(Model model) {
        if ("loaded".equals(settings.current().getDemoState())) {
            model.addAttribute("demoUsers", users.findDemoUsers());
            model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        }
        return "security/login";
    }
}
