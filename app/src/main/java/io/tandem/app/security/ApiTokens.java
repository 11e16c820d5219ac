package io.tandem.app.security;

import io.tandem.domain.users.ApiToken;
import io.tandem.domain.users.ApiTokenRepository;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code tdm_} and 32 random bytes, shown once. Only a SHA-256 of the token is
 * stored: a token has 256 bits of entropy, so a fast hash is enough (unlike a password).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "tdm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final Audit audit;

    ApiTokens(ApiTokenRepository tokens, AppUserRepository users, Audit audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    /** Creates a token for the user and returns it in clear, the only time it is shown. */
    @Transactional
    public String create(long userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AppUser user = users.getReferenceById(userId);
        tokens.save(new ApiToken(user, name, hash(token), token.substring(0, PREFIX.length() + 6)));
        audit.record("token_created", "token '" + name + "'");
        return token;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId);
    }

    /** Revokes one of the user's own tokens; false when it is not theirs. */
    @Transactional
    public boolean revoke(long userId, long tokenId) {
        return tokens.findById(tokenId)
                .filter(t -> t.getUser().getId() == userId && t.isActive())
                .map(t -> {
                    t.revoke();
                    audit.record("token_revoked", "token '" + t.getName() + "'");
                    return true;
                })
                .orElse(false);
    }

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** The enabled user a token belongs to, if it is a live token. */
    @Transactional
    public Optional<TandemUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findActiveByHash(hash(token))
                .filter(t -> t.getUser().isEnabled())
                .map(t -> {
                    // written at most once a minute: otherwise every API call would be a write
                    Instant now = Instant.now();
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                        t.setLastUsedAt(now);
                    }
                    return TandemUser.of(t.getUser(), false);
                });
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
