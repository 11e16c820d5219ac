package io.tandem.app.admin;

import io.tandem.domain.audit.AuditEntryRepository;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.security.Principal;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: users (create, change role, bind a rep, disable, reset password) and the audit log. */
@Controller
class AdminController {

    private final AppUserRepository users;
    private final RepRepository reps;
    private final AuditEntryRepository audit;
    private final UserAdministration administration;

    AdminController(AppUserRepository users, RepRepository reps, AuditEntryRepository audit,
                    UserAdministration administration) {
        this.users = users;
        this.reps = reps;
        this.audit = audit;
        this.administration = administration;
    }

    @GetMapping("/admin")
    @Transactional(readOnly = true)
    String users(Model model) {
        model.addAttribute("users", users.findAllWithRep());
        model.addAttribute("reps", reps.findAllByOrderByTeamAscNameAsc());
        model.addAttribute("roles", UserRole.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam UserRole role,
                  @RequestParam(required = false) String rep, RedirectAttributes redirect) {
        try {
            String password = administration.create(username, role, rep);
            redirect.addFlashAttribute("message", "User '" + username.trim() + "' created. One-time password: "
                    + password + " — pass it on; it must be changed at first sign-in and is not shown again.");
        } catch (UserAdministration.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam UserRole role, @RequestParam(required = false) String rep,
                  @RequestParam(defaultValue = "false") boolean enabled, Principal principal,
                  RedirectAttributes redirect) {
        try {
            administration.update(id, role, rep, enabled, principal.getName());
            redirect.addFlashAttribute("message", "Changes saved.");
        } catch (UserAdministration.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        try {
            String password = administration.resetPassword(id);
            redirect.addFlashAttribute("message", "New one-time password: " + password
                    + " — pass it on; it must be changed at the next sign-in and is not shown again.");
        } catch (UserAdministration.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", audit.findAllByOrderByAtDescIdDesc(PageRequest.of(Math.max(0, page), 100)));
        return "admin/audit";
    }
}
