package io.tandem.app.security;

import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users the tests sign in as: the demo users (password tandem-demo) and an admin made here. */
public final class TestUsers {

    public static final String PASSWORD = DemoAccounts.PASSWORD;
    public static final String ADMIN = "test-admin";
    public static final String MANAGER = "dana";
    /** Morgan Hale, rep R001. */
    public static final String REP = "morgan";
    public static final String REP_ID = "R001";
    /** Jamie Fox, rep R002. */
    public static final String OTHER_REP = "jamie";

    private TestUsers() {
    }

    /**
     * Makes (or resets) an enabled user with this role, rep binding (an external id, or null) and
     * password, who need not change it; returns its id.
     */
    public static long withPassword(AppUserRepository users, RepRepository reps, PasswordEncoder encoder, String name,
                                    UserRole role, String rep, String password) {
        AppUser user = users.findByUsernameIgnoreCase(name).orElseGet(() -> new AppUser(name, "", role, null));
        user.setRole(role);
        user.setRep(rep == null ? null : reps.findByExternalId(rep).orElseThrow());
        user.setPasswordHash(encoder.encode(password));
        user.setMustChangePassword(false);
        user.setEnabled(true);
        return users.save(user).getId();
    }

    /** An enabled admin with the shared test password who need not change it. */
    public static void ensureAdmin(AppUserRepository users, PasswordEncoder encoder) {
        if (users.findByUsernameIgnoreCase(ADMIN).isEmpty()) {
            users.save(new AppUser(ADMIN, encoder.encode(PASSWORD), UserRole.ADMIN, null));
        }
    }
}
