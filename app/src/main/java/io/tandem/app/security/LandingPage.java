package io.tandem.app.security;

import io.tandem.domain.users.UserRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a sign-in lands when no page was asked for first: a REP on their own scorecard, everyone
 * else on the overview; a password that must change comes first.
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
        Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (principal instanceof TandemUser user) {
            if (user.mustChangePassword()) {
                return MustChangePasswordFilter.PASSWORD_PAGE;
            }
            if (user.repExternalId() != null && user.role() == UserRole.REP) {
                return "/reps/" + user.repExternalId();
            }
        }
        return "/";
    }
}
