package io.tandem.app.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds login throttling and the audit log from Spring Security's events. */
@Component
class AuthenticationEvents {

    private final LoginAttempts attempts;
    private final Audit audit;

    AuthenticationEvents(LoginAttempts attempts, Audit audit) {
        this.attempts = attempts;
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        attempts.succeeded(event.getAuthentication().getName());
    }

    /** Only sign-ins through the login form are logged; HTTP Basic authenticates every call. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "login", "signed in");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        attempts.failed(username);
        audit.record(username, "login_failed", event.getException().getClass().getSimpleName());
    }
}
