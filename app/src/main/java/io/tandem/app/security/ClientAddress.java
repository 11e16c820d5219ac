package io.tandem.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client address of the request this thread serves, for login throttling, which runs where
 * Spring Security gives no request (loading the user, authentication events). Set before any other
 * filter, cleared after the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientAddress extends OncePerRequestFilter {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The current request's peer address, or "-" outside a request. */
    static String current() {
        String address = CURRENT.get();
        return address == null ? "-" : address;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CURRENT.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
