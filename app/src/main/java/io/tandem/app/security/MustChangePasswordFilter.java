package io.tandem.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password must change (the first admin, a reset) can do nothing else until it has:
 * pages redirect to the password form, API calls get 403.
 */
final class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/profile/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean allowed = path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.equals("/favicon.svg") || path.startsWith("/error");
        if (auth != null && auth.getPrincipal() instanceof TandemUser user && user.mustChangePassword() && !allowed) {
            if (path.startsWith("/api/")) {
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, request,
                        "Change your password in the browser (" + PASSWORD_PAGE + ") before using the API.");
            } else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
