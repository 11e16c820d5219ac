package io.tandem.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Login throttling per user name: after {@code tandem.security.max-failed-logins} failures in a row
 * the name is locked for {@code tandem.security.lock-minutes}, whatever password is tried. Held in
 * memory: a restart unlocks (the audit log keeps the failures).
 */
@Component
public class LoginAttempts {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(Clock clock,
                  @Value("${tandem.security.max-failed-logins:5}") int maxFailures,
                  @Value("${tandem.security.lock-minutes:15}") int lockMinutes) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = Duration.ofMinutes(lockMinutes);
    }

    public void failed(String username) {
        failures.compute(key(username), (k, f) -> {
            if (f != null && isLocked(f)) {
                return f; // attempts during a lock neither count nor extend it
            }
            int count = f == null || f.lockedUntil() != null ? 1 : f.count() + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lockDuration) : null);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && isLocked(f);
    }

    /** Minutes until the lock ends, rounded up; 0 when not locked. */
    public long minutesLeft(String username) {
        Failures f = failures.get(key(username));
        if (f == null || !isLocked(f)) {
            return 0;
        }
        long seconds = Duration.between(clock.instant(), f.lockedUntil()).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    private boolean isLocked(Failures f) {
        return f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
