package io.tandem.app.admin;

import io.tandem.app.security.Audit;
import io.tandem.app.security.Passwords;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins do to users; every change is audited. Rule breaches throw with a message for the form. */
@Service
class UserAdministration {

    /** A change that breaks a rule; the message is shown next to the form. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final AppUserRepository users;
    private final RepRepository reps;
    private final PasswordEncoder encoder;
    private final Audit audit;

    UserAdministration(AppUserRepository users, RepRepository reps, PasswordEncoder encoder, Audit audit) {
        this.users = users;
        this.reps = reps;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** Creates a user with a one-time password (returned) that must be changed at first sign-in. */
    @Transactional
    String create(String username, UserRole role, String repExternalId) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{3,60}")) {
            throw new Refused("A user name has 3 to 60 letters, digits or . _ @ -");
        }
        if (users.findByUsernameIgnoreCase(name).isPresent()) {
            throw new Refused("There is already a user '" + name + "'.");
        }
        String password = Passwords.random();
        AppUser user = new AppUser(name, encoder.encode(password), role, rep(role, repExternalId));
        user.setMustChangePassword(true);
        users.save(user);
        audit.record("user_created", name + " as " + role + repNote(user));
        return password;
    }

    @Transactional
    void update(long id, UserRole role, String repExternalId, boolean enabled, String actingUser) {
        AppUser user = users.findById(id).orElseThrow(() -> new Refused("No such user."));
        boolean wasAdmin = user.getRole() == UserRole.ADMIN && user.isEnabled();
        boolean staysAdmin = role == UserRole.ADMIN && enabled;
        if (wasAdmin && !staysAdmin) {
            if (user.getUsername().equalsIgnoreCase(actingUser)) {
                throw new Refused("You cannot remove your own admin rights or disable yourself.");
            }
            long admins = users.findAll().stream().filter(u -> u.getRole() == UserRole.ADMIN && u.isEnabled()).count();
            if (admins <= 1) {
                throw new Refused("Tandem needs at least one enabled admin.");
            }
        }
        String before = describe(user);
        user.setRole(role);
        user.setRep(rep(role, repExternalId));
        user.setEnabled(enabled);
        audit.record("user_changed", user.getUsername() + ": " + before + " -> " + describe(user));
    }

    /** Sets a new one-time password (returned) that must be changed at the next sign-in. */
    @Transactional
    String resetPassword(long id) {
        AppUser user = users.findById(id).orElseThrow(() -> new Refused("No such user."));
        String password = Passwords.random();
        user.setPasswordHash(encoder.encode(password));
        user.setMustChangePassword(true);
        audit.record("password_reset", user.getUsername());
        return password;
    }

    private Rep rep(UserRole role, String repExternalId) {
        if (repExternalId == null || repExternalId.isBlank()) {
            if (role == UserRole.REP) {
                throw new Refused("A REP user must be bound to a rep.");
            }
            return null;
        }
        return reps.findByExternalId(repExternalId.trim())
                .orElseThrow(() -> new Refused("There is no rep with external id '" + repExternalId.trim() + "'."));
    }

    private static String describe(AppUser user) {
        return user.getRole() + repNote(user) + (user.isEnabled() ? "" : ", disabled");
    }

    private static String repNote(AppUser user) {
        return user.getRep() == null ? "" : " (rep " + user.getRep().getExternalId() + ")";
    }
}
