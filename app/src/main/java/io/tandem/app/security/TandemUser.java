package io.tandem.app.security;

import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.UserRole;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as Spring Security holds them in the session. */
public final class TandemUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final UserRole role;
    private final String repExternalId;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    /** A digest of the password hash at sign-in: tells a changed password without keeping the hash. */
    private final String passwordStamp;

    TandemUser(long id, String username, String passwordHash, UserRole role, String repExternalId, boolean enabled,
               boolean locked, boolean mustChangePassword) {
        this.id = id;
        this.passwordStamp = stamp(passwordHash);
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.repExternalId = repExternalId;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    static TandemUser of(AppUser user, boolean locked) {
        return new TandemUser(user.getId(), user.getUsername(), user.getPasswordHash(), user.getRole(),
                user.getRep() == null ? null : user.getRep().getExternalId(), user.isEnabled(), locked,
                user.isMustChangePassword());
    }

    private static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this (stored) account still holds the sign-in of {@code session}: same password, still enabled. */
    boolean keepsSignInOf(TandemUser session) {
        return enabled && id == session.id && passwordStamp.equals(session.passwordStamp);
    }

    /** Whether this (stored) account grants what {@code session} was granted at sign-in. */
    boolean sameRightsAs(TandemUser session) {
        return role == session.role && Objects.equals(repExternalId, session.repExternalId)
                && mustChangePassword == session.mustChangePassword;
    }

    public long id() {
        return id;
    }

    public UserRole role() {
        return role;
    }

    /** The rep this user is, for REP users; null otherwise. */
    public String repExternalId() {
        return repExternalId;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Managers and admins see every rep; a REP user only themself. */
    public boolean maySee(String repExternalIdToSee) {
        return role != UserRole.REP || (repExternalId != null && repExternalId.equals(repExternalIdToSee));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
