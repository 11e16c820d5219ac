package io.tandem.app.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRole;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.UserRole;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Tandem's security as the web slice tests ({@code io.tandem.app.web.WebSliceTest}) run it: the real
 * SecurityConfiguration, access rules, login handling and filters, over mocked repositories. The callers
 * are the app's own {@link TandemUser} principals, built from a stored account as sign-in builds them,
 * so that AccessRules and the controllers see what they see in the app; AppUserRepository answers
 * {@link #account} for them, so SessionFollowsAccountFilter keeps them signed in.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, AccessRules.class, TandemUserDetailsService.class, LoginAttempts.class,
        LoginFailureHandler.class, ApiTokens.class, Audit.class})
public class WebSliceSecurity {

    /** The rep the REP caller is bound to. */
    public static final String REP_ID = "R001";
    /** Another rep of the roster, not the REP caller's. */
    public static final String OTHER_REP_ID = "R002";

    private static final long ADMIN_ID = 1;
    private static final long MANAGER_ID = 2;
    private static final long REP_USER_ID = 3;

    public static RequestPostProcessor admin() {
        return signedIn(ADMIN_ID);
    }

    public static RequestPostProcessor manager() {
        return signedIn(MANAGER_ID);
    }

    /** A REP user bound to rep {@value #REP_ID}. */
    public static RequestPostProcessor rep() {
        return signedIn(REP_USER_ID);
    }

    private static RequestPostProcessor signedIn(long id) {
        return user(TandemUser.of(account(id).orElseThrow(), false));
    }

    /** The reps the slice's RepRepository holds, in the repository's order (team, then name). */
    public static List<Rep> roster() {
        return List.of(new Rep("R002", "Jamie Fox", "North", RepRole.SALES),
                new Rep(REP_ID, "Morgan Hale", "North", RepRole.SUPPORT),
                new Rep("R003", "Sam Lee", "South", RepRole.SUPPORT));
    }

    /** The stored account with this id, a new instance on each call (an entity is mutable). */
    public static Optional<AppUser> account(long id) {
        AppUser user;
        if (id == ADMIN_ID) {
            user = new AppUser("ada", "{noop}slice-admin", UserRole.ADMIN, null);
        } else if (id == MANAGER_ID) {
            user = new AppUser("dana", "{noop}slice-manager", UserRole.MANAGER, null);
        } else if (id == REP_USER_ID) {
            user = new AppUser("morgan", "{noop}slice-rep", UserRole.REP,
                    roster().stream().filter(r -> r.getExternalId().equals(REP_ID)).findFirst().orElseThrow());
        } else {
            return Optional.empty();
        }
        ReflectionTestUtils.setField(user, "id", id);
        return Optional.of(user);
    }
}
