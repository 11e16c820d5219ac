package io.tandem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.domain.audit.AuditEntryRepository;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in, first-login password change, throttling, API tokens, settings and the audit log. */
@TandemIT
class SecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository users;
    @Autowired
    RepRepository reps;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditEntryRepository audit;
    @Autowired
    SettingsRepository settings;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
    }

    private AppUser user(String name, UserRole role, String rep, String password, boolean mustChange) {
        AppUser user = users.findByUsernameIgnoreCase(name)
                .orElseGet(() -> new AppUser(name, "", role, rep == null ? null : reps.findByExternalId(rep).orElseThrow()));
        user.setPasswordHash(encoder.encode(password));
        user.setMustChangePassword(mustChange);
        user.setEnabled(true);
        return users.save(user);
    }

    private boolean audited(String actor, String action) {
        return audit.findAllByOrderByAtDescIdDesc(PageRequest.of(0, 500)).stream()
                .anyMatch(e -> e.getActor().equals(actor) && e.getAction().equals(action));
    }

    @Test
    void aRepLandsOnTheirOwnScorecard() {
        Http.Session rep = new Http.Session(port);
        HttpResponse<String> login = rep.post("/login", "username=morgan&password=" + TestUsers.PASSWORD);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/reps/R001");
        assertThat(audited("morgan", "login")).isTrue();
    }

    @Test
    void aPasswordThatMustChangeComesBeforeAnythingElse() {
        user("first-timer", UserRole.MANAGER, null, "temporary-pass-1", true);
        Http.Session session = Http.login(port, "first-timer", "temporary-pass-1");

        HttpResponse<String> home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/profile/password");

        HttpResponse<String> tooShort = session.post("/profile/password",
                "currentPassword=temporary-pass-1&newPassword=short&confirmPassword=short");
        assertThat(tooShort.body()).contains("Use at least 10 characters.");
        assertThat(session.post("/profile/password",
                "currentPassword=temporary-pass-1&newPassword=aaaaaaaaaa&confirmPassword=aaaaaaaaaa").body())
                .contains("Use more than one character repeated.");
        assertThat(session.post("/profile/password",
                "currentPassword=temporary-pass-1&newPassword=password123&confirmPassword=password123").body())
                .contains("one of the most commonly used passwords");

        HttpResponse<String> changed = session.post("/profile/password",
                "currentPassword=temporary-pass-1&newPassword=a-much-better-one&confirmPassword=a-much-better-one");
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(session.get("/").statusCode()).as("free to go on in the same session").isEqualTo(200);
        assertThat(users.findByUsernameIgnoreCase("first-timer").get().isMustChangePassword()).isFalse();
        assertThat(audited("first-timer", "password_changed")).isTrue();
    }

    @Test
    void fiveFailedSignInsMakeThatAddressWaitLongerEachTimeButNotTheRealUserElsewhere() throws IOException {
        user("unlucky", UserRole.MANAGER, null, "the-right-password", false);
        Http.Session stranger = new Http.Session(port);
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> failed = stranger.post("/login", "username=unlucky&password=wrong-" + i);
            assertThat(failed.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        }
        HttpResponse<String> fifth = stranger.post("/login", "username=unlucky&password=wrong-5");
        assertThat(fifth.headers().firstValue("Location")).get().asString().endsWith("/login?locked=1");

        HttpResponse<String> evenRight = stranger.post("/login", "username=unlucky&password=the-right-password");
        assertThat(evenRight.headers().firstValue("Location")).get().asString().endsWith("/login?locked=1");
        assertThat(stranger.get("/login?locked=1").body()).contains("Too many failed sign-ins", "Try again in 1 minute(s)");
        assertThat(audited("unlucky", "login_failed")).isTrue();

        // the real user, from another address, gets in at once
        assertThat(statusFrom("127.0.0.2", "/api/me", "unlucky", "the-right-password")).isEqualTo(200);
        assertThat(statusFrom("127.0.0.1", "/api/me", "unlucky", "the-right-password")).isEqualTo(401);
    }

    /** The status of a GET with HTTP Basic sent from this local address (Java 17's HttpClient cannot bind one). */
    private int statusFrom(String localAddress, String path, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress), 0)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + Http.basic(user, password) + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void theWaitGrowsWithEachFailureAfterTheFreeOnesUpToTheLongest() {
        MutableClock clock = new MutableClock();
        LoginAttempts attempts = new LoginAttempts(clock, 5, 15);
        for (int i = 0; i < 5; i++) {
            attempts.failed("guessed");
        }
        assertThat(attempts.minutesLeft("guessed")).isEqualTo(1);
        attempts.failed("guessed"); // while waiting: neither counted nor extending the wait
        assertThat(attempts.minutesLeft("guessed")).isEqualTo(1);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(16));
            assertThat(attempts.isLocked("guessed")).isFalse();
            attempts.failed("guessed");
            waits.add(attempts.minutesLeft("guessed"));
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 15L, 15L);
        attempts.succeeded("guessed");
        assertThat(attempts.isLocked("guessed")).isFalse();
    }

    @Test
    void theSessionCookieIsSameSiteLax() {
        String cookie = Http.page(port, "/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aDisabledUserIsToldSoOnlyWithTheRightPassword() {
        AppUser off = user("switched-off", UserRole.MANAGER, null, "the-right-password", false);
        off.setEnabled(false);
        users.save(off);
        String wrong = new Http.Session(port).post("/login", "username=switched-off&password=a-wrong-guess")
                .headers().firstValue("Location").orElseThrow();
        String nobody = new Http.Session(port).post("/login", "username=no-such-user&password=a-wrong-guess")
                .headers().firstValue("Location").orElseThrow();
        String right = new Http.Session(port).post("/login", "username=switched-off&password=the-right-password")
                .headers().firstValue("Location").orElseThrow();
        assertThat(wrong).endsWith("/login?error").isEqualTo(nobody);
        assertThat(right).endsWith("/login?disabled");
        assertThat(Http.api(port, "GET", "/api/me", null, null, "switched-off", "a-wrong-guess").body())
                .isEqualTo(Http.api(port, "GET", "/api/me", null, null, "no-such-user", "a-wrong-guess").body()
                        .replace("no-such-user", "switched-off"));
    }

    @Test
    void apiTokensAreShownOnceWorkLikeTheUserAndCanBeRevoked() throws Exception {
        Http.Session rep = Http.login(port, "morgan", TestUsers.PASSWORD);
        rep.post("/profile/tokens", "name=my-script");
        String profile = rep.get("/profile").body();
        Matcher m = Pattern.compile("(tdm_[A-Za-z0-9_-]{43})").matcher(profile);
        assertThat(m.find()).as("the new token is shown once").isTrue();
        String token = m.group(1);
        assertThat(rep.get("/profile").body()).as("and only once").doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = :t").param("t", token)
                .query(Long.class).single()).as("stored hashed, never in clear").isZero();

        assertThat(bearer(token, "/api/me").body()).contains("\"username\":\"morgan\"", "\"rep\":\"R001\"");
        // last use is recorded, but not rewritten by every call within a minute (API reads are not writes)
        String lastUsed = "select last_used_at::text from api_tokens where name = 'my-script' and revoked_at is null";
        String firstUse = jdbc.sql(lastUsed).query(String.class).single();
        assertThat(firstUse).isNotNull();
        assertThat(bearer(token, "/api/metrics/reps/R002/scorecard").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql(lastUsed).query(String.class).single()).isEqualTo(firstUse);

        long id = jdbc.sql("select id from api_tokens where name = 'my-script' and revoked_at is null")
                .query(Long.class).single();
        rep.post("/profile/tokens/" + id + "/revoke", "");
        HttpResponse<String> revoked = bearer(token, "/api/me");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(revoked.body()).contains("unknown or revoked");
    }

    private HttpResponse<String> bearer(String token, String path) {
        return Http.send(HttpRequest.newBuilder(Http.uri(port, path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void settingsAreValidatedNextToTheFieldAndAudited() {
        Http.Session admin = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD);
        String valid = "organisationName=Acme&timeZone=Europe/Berlin&currency=EUR&grossMarginPercent=75"
                + "&monthlyMarketingSpend=1000&segmentSmallMax=3&segmentMediumMax=10&hardMinReplies=4"
                + "&hardMinMinutes=60&easyMaxReplies=1&easyMaxMinutes=10&commissionPercent=10&repsSeeTeamPages=true";
        String before = settings.current().getTimeZone();
        try {
            HttpResponse<String> bad = admin.post("/admin/settings", valid.replace("Europe/Berlin", "Mars/Base")
                    .replace("segmentMediumMax=10", "segmentMediumMax=2").replace("grossMarginPercent=75", "grossMarginPercent=abc"));
            assertThat(bad.statusCode()).isEqualTo(200);
            assertThat(bad.body()).contains("Mars/Base&#39; is not a time zone", "Must be larger than the small segment",
                    "Enter a number", "value=\"abc\"");
            assertThat(settings.current().getTimeZone()).as("nothing saved").isEqualTo(before);

            HttpResponse<String> good = admin.post("/admin/settings", valid);
            assertThat(good.statusCode()).isEqualTo(302);
            assertThat(settings.current().getTimeZone()).isEqualTo("Europe/Berlin");
            assertThat(settings.current().getGrossMargin()).isEqualByComparingTo("0.75");
            assertThat(audited(TestUsers.ADMIN, "settings_changed")).isTrue();
        } finally {
            jdbc.sql("update settings set time_zone = 'UTC', currency = 'USD', gross_margin = 0.8,"
                    + " monthly_marketing_spend = 0, organisation_name = 'Acme Helpdesk (demo data)'").update();
        }
    }

    @Test
    void repsCanBeKeptOffTheTeamPages() {
        Http.Session rep = Http.login(port, "morgan", TestUsers.PASSWORD);
        try {
            jdbc.sql("update settings set reps_see_team_pages = false").update();
            assertThat(rep.get("/support").statusCode()).isEqualTo(403);
            assertThat(Http.login(port, TestUsers.MANAGER, TestUsers.PASSWORD).get("/support").statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("update settings set reps_see_team_pages = true").update();
        }
    }

    /** Reads the page a form post redirected to, which shows its flash message. */
    private static String follow(Http.Session session, HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(302);
        return session.get(redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""))
                .body();
    }

    @Test
    void adminsManageUsersAndEveryChangeIsAudited() {
        Http.Session admin = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(follow(admin, admin.post("/admin/users", "username=new-rep&role=REP&rep=R004")))
                .contains("created. One-time password: ");
        AppUser created = users.findByUsernameIgnoreCase("new-rep").orElseThrow();
        assertThat(created.isMustChangePassword()).isTrue();
        assertThat(audited(TestUsers.ADMIN, "user_created")).isTrue();

        assertThat(follow(admin, admin.post("/admin/users/" + created.getId(), "role=REP&rep=&enabled=true")))
                .contains("A REP user must be bound to a rep.");

        follow(admin, admin.post("/admin/users/" + created.getId(), "role=MANAGER&rep="));
        AppUser changed = users.findByUsernameIgnoreCase("new-rep").orElseThrow();
        assertThat(changed.getRole()).isEqualTo(UserRole.MANAGER);
        assertThat(changed.isEnabled()).as("unchecked box = disabled").isFalse();
        assertThat(audited(TestUsers.ADMIN, "user_changed")).isTrue();

        long self = users.findByUsernameIgnoreCase(TestUsers.ADMIN).orElseThrow().getId();
        assertThat(follow(admin, admin.post("/admin/users/" + self, "role=MANAGER&rep=&enabled=true")))
                .contains("You cannot remove your own admin rights");

        String disabledLogin = new Http.Session(port).post("/login", "username=new-rep&password=whatever")
                .headers().firstValue("Location").orElseThrow();
        assertThat(disabledLogin).contains("/login?");
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
