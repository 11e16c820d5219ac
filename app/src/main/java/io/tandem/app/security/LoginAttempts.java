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
 * Login throttling per user name <em>and client address</em>, with growing delays: after
 * {@code tandem.security.max-failed-logins} failures in a row for a name from one address, that
 * address must wait 1 minute before it may try the name again, then 2, 4, 8... minutes after each
 * further failure, at most {@code tandem.security.lock-minutes}. Other addresses are not held back,
 * so a stranger's guesses cannot lock the real user out; a correct sign-in from the address clears
 * its count. Held in memory: a restart clears it (the audit log keeps the failures). The address is
 * the connection's peer: behind a reverse proxy set {@code server.forward-headers-strategy}.
 */
@Component
public class LoginAttempts {

    private record Failures(int count, Instant waitUntil) {
    }

    /** Keys kept at most; beyond it the oldest waits are forgotten first (a flood cannot fill memory). */
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeFailures;
    private final Duration longestWait;

    LoginAttempts(Clock clock,
                  @Value("${tandem.security.max-failed-logins:5}") int freeFailures,
                  @Value("${tandem.security.lock-minutes:15}") int lockMinutes) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.longestWait = Duration.ofMinutes(lockMinutes);
    }

    public void failed(String username) {
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> !isWaiting(e.getValue()));
        }
        failures.compute(key(username), (k, f) -> {
            if (f != null && isWaiting(f)) {
                return f; // attempts while waiting neither count nor extend the wait
            }
            int count = f == null ? 1 : f.count() + 1;
            if (count < freeFailures) {
                return new Failures(count, null);
            }
            Duration wait = Duration.ofMinutes(1L << Math.min(20, count - freeFailures)); // 1, 2, 4, 8 ...
            return new Failures(count, clock.instant().plus(wait.compareTo(longestWait) < 0 ? wait : longestWait));
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    /** Whether this address must wait before it may try this name again. */
    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && isWaiting(f);
    }

    /** Minutes this address still waits for this name, rounded up; 0 when it need not. */
    public long minutesLeft(String username) {
        Failures f = failures.get(key(username));
        if (f == null || !isWaiting(f)) {
            return 0;
        }
        long seconds = Duration.between(clock.instant(), f.waitUntil()).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    private boolean isWaiting(Failures f) {
        return f.waitUntil() != null && clock.instant().isBefore(f.waitUntil());
    }

    private static String key(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return ClientAddress.current() + " " + name;
    }
}
