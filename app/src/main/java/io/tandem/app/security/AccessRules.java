package io.tandem.app.security;

import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.users.UserRole;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/** The two rules that depend on who asks and for what; the plain role rules sit in SecurityConfiguration. */
@Component
class AccessRules {

    private final SettingsRepository settings;

    AccessRules(SettingsRepository settings) {
        this.settings = settings;
    }

    /** /reps/{externalId}: managers and admins see any rep; a REP user only their own. */
    AuthorizationManager<RequestAuthorizationContext> ownRepOrManager() {
        return (Supplier<? extends Authentication> auth, RequestAuthorizationContext context) -> {
            String repId = context.getVariables().get("externalId");
            return new AuthorizationDecision(user(auth.get()) instanceof TandemUser u && u.maySee(repId));
        };
    }

    /** Team pages: managers and admins always; REP users when the admin setting allows it (default). */
    AuthorizationManager<RequestAuthorizationContext> teamPages() {
        return (Supplier<? extends Authentication> auth, RequestAuthorizationContext context) -> {
            Object user = user(auth.get());
            boolean granted = user instanceof TandemUser u
                    && (u.role() != UserRole.REP || settings.current().isRepsSeeTeamPages());
            return new AuthorizationDecision(granted);
        };
    }

    private static Object user(Authentication auth) {
        return auth == null || !auth.isAuthenticated() ? null : auth.getPrincipal();
    }
}
