package io.tandem.app.security;

import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own profile: change password, create and revoke personal API tokens. */
@Controller
class ProfileController {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;
    private final Audit audit;

    ProfileController(AppUserRepository users, PasswordEncoder encoder, ApiTokens tokens, Audit audit) {
        this.users = users;
        this.encoder = encoder;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal TandemUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("tokens", tokens.of(user.id()));
        return "security/profile";
    }

    @GetMapping(MustChangePasswordFilter.PASSWORD_PAGE)
    String passwordForm(@AuthenticationPrincipal TandemUser user, Model model) {
        model.addAttribute("mustChange", user.mustChangePassword());
        return "security/password";
    }

    @PostMapping(MustChangePasswordFilter.PASSWORD_PAGE)
    @Transactional
    String changePassword(@AuthenticationPrincipal TandemUser user,
                          @RequestParam String currentPassword,
                          @RequestParam String newPassword,
                          @RequestParam String confirmPassword,
                          Model model, RedirectAttributes redirect,
                          HttpServletRequest request, HttpServletResponse response) {
        AppUser stored = users.findById(user.id()).orElseThrow();
        String error;
        if (!encoder.matches(currentPassword, stored.getPasswordHash())) {
            error = "The current password is not right.";
        } else if (!newPassword.equals(confirmPassword)) {
            error = "The two new passwords differ.";
        } else if (encoder.matches(newPassword, stored.getPasswordHash())) {
            error = "Choose a password other than the current one.";
        } else {
            error = Passwords.problem(newPassword, user.getUsername());
        }
        if (error != null) {
            model.addAttribute("mustChange", user.mustChangePassword());
            model.addAttribute("error", error);
            return "security/password";
        }
        stored.setPasswordHash(encoder.encode(newPassword));
        stored.setMustChangePassword(false);
        audit.record("password_changed", "own password");
        // keep this session, now with the new password and without the must-change mark; the user's
        // other sessions are signed out on their next request (SessionFollowsAccountFilter)
        SessionFollowsAccountFilter.signInAs(TandemUser.of(stored, false), request, response);
        redirect.addFlashAttribute("message", "Your password was changed.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(@AuthenticationPrincipal TandemUser user, @RequestParam String name,
                       RedirectAttributes redirect) {
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            redirect.addFlashAttribute("tokenError", "Give the token a name of 1 to 80 characters, e.g. 'reporting script'.");
            return "redirect:/profile";
        }
        redirect.addFlashAttribute("newToken", tokens.create(user.id(), trimmed));
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal TandemUser user, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", tokens.revoke(user.id(), id) ? "The token was revoked." : "No such token.");
        return "redirect:/profile";
    }
}
