package io.tandem.app.benchmark;

import io.tandem.app.security.ApiTokens;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmarks' caller of the running app's API: a manager with a personal API token (HTTP Basic would
 * add a bcrypt check, about 60 ms, to every call), and GETs that answer their status (-1: no answer in time).
 */
record BenchmarkApi(int port, String token, int timeoutSeconds) {

    private static final String USER = "benchmark-manager";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Signs the benchmark manager in (creating them when the database has none) with a new token. */
    static BenchmarkApi manager(AppUserRepository appUsers, ApiTokens tokens, int port, int timeoutSeconds) {
        AppUser user = appUsers.findByUsernameIgnoreCase(USER)
                .orElseGet(() -> appUsers.save(new AppUser(USER, "{noop}unused", UserRole.MANAGER, null)));
        return new BenchmarkApi(port, tokens.create(user.getId(), "benchmark"), timeoutSeconds);
    }

    int call(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(timeoutSeconds)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
