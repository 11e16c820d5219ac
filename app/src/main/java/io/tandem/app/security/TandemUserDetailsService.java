package io.tandem.app.security;

import io.tandem.domain.users.AppUserRepository;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TandemUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final LoginAttempts attempts;

    TandemUserDetailsService(AppUserRepository users, LoginAttempts attempts) {
        this.users = users;
        this.attempts = attempts;
    }

    /** The account as stored now, for a session signed in as user {@code id}; empty once deleted. */
    @Transactional(readOnly = true)
    public Optional<TandemUser> current(long id) {
        return users.findById(id).map(u -> TandemUser.of(u, false));
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsernameIgnoreCase(username.trim())
                .map(u -> TandemUser.of(u, attempts.isLocked(username)))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
