package io.tandem.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session holds the user as they were at sign-in; this makes it follow the account on
 * every request. An account that was deleted, disabled or given a new password (a reset, or a change
 * in another session) signs the session out: the page goes to the login form saying why. A new role
 * or rep binding takes effect in place, on this very request. HTTP Basic and tokens load the account
 * on every call anyway.
 */
final class SessionFollowsAccountFilter extends OncePerRequestFilter {

    static final String SIGNED_OUT = "/login?changed";

    private final TandemUserDetailsService accounts;
    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    SessionFollowsAccountFilter(TandemUserDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof TandemUser session && !isStaticFile(request)) {
            Optional<TandemUser> stored = accounts.current(session.id());
            if (stored.isEmpty() || !stored.get().keepsSignInOf(session)) {
                SecurityContextHolder.clearContext();
                HttpSession httpSession = request.getSession(false);
                if (httpSession != null) {
                    httpSession.invalidate();
                }
                response.sendRedirect(request.getContextPath() + SIGNED_OUT);
                return;
            }
            if (!stored.get().sameRightsAs(session)) {
                signInAs(stored.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /** Style sheets, scripts and icons show nothing of an account: no lookup for each of them. */
    private static boolean isStaticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/favicon");
    }

    /** Replaces the session's user by {@code user} (already authenticated), from this request on. */
    static void signInAs(TandemUser user, HttpServletRequest request, HttpServletResponse response) {
        user.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
