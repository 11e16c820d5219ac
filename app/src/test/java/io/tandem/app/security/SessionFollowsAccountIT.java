package io.tandem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An open browser session follows its account (issue 14): what an admin changes takes effect on the
 * user's very next request, in every session they have open.
 */
@TandemIT
class SessionFollowsAccountIT {

    private static final String PASSWORD = "a-long-test-password";

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository users;
    @Autowired
    RepRepository reps;
    @Autowired
    PasswordEncoder encoder;
    Http.Session admin;

    @BeforeEach
    void signInTheAdmin() {
        TestUsers.ensureAdmin(users, encoder);
        admin = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    private long user(String name, UserRole role, String rep) {
        return TestUsers.withPassword(users, reps, encoder, name, role, rep, PASSWORD);
    }

    private Http.Session signIn(String name) {
        Http.Session session = Http.login(port, name, PASSWORD);
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        return session;
    }

    private void adminSets(long id, String form) {
        assertThat(admin.post("/admin/users/" + id, form).statusCode()).isEqualTo(302);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void aDemotedManagerLosesOtherRepsOnTheNextRequest() {
        long id = user("demoted-manager", UserRole.MANAGER, null);
        Http.Session session = signIn("demoted-manager");
        assertThat(session.get("/reps/R002").statusCode()).isEqualTo(200);
        assertThat(session.get("/reps").statusCode()).isEqualTo(200);

        adminSets(id, "role=REP&rep=R001&enabled=true");

        assertThat(session.get("/reps/R002").statusCode()).isEqualTo(403);
        assertThat(session.get("/reps").statusCode()).isEqualTo(403);
        assertThat(session.get("/reps/R001").statusCode()).as("now their own scorecard").isEqualTo(200);
    }

    @Test
    void aRepBoundToAnotherRepSeesOnlyTheNewRepFromTheNextRequest() {
        long id = user("rebound-rep", UserRole.REP, "R001");
        Http.Session session = signIn("rebound-rep");
        assertThat(session.get("/reps/R001").statusCode()).isEqualTo(200);
        assertThat(session.get("/reps/R002").statusCode()).isEqualTo(403);

        adminSets(id, "role=REP&rep=R002&enabled=true");

        assertThat(session.get("/reps/R001").statusCode()).isEqualTo(403);
        assertThat(session.get("/reps/R002").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledUserIsSignedOutOfEveryOpenSessionSayingWhy() {
        long id = user("disabled-later", UserRole.MANAGER, null);
        Http.Session first = signIn("disabled-later");
        Http.Session second = signIn("disabled-later");

        adminSets(id, "role=MANAGER&rep=");

        for (Http.Session session : new Http.Session[] {first, second}) {
            HttpResponse<String> next = session.get("/revenue");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(location(next)).endsWith("/login?changed");
            assertThat(session.get("/login?changed").body()).contains("You were signed out because your account was changed");
            assertThat(location(session.get("/"))).as("the session is gone").contains("/login");
        }
    }

    @Test
    void aPasswordResetByAnAdminSignsTheUserOut() {
        long id = user("reset-later", UserRole.MANAGER, null);
        Http.Session session = signIn("reset-later");

        assertThat(admin.post("/admin/users/" + id + "/password", "").statusCode()).isEqualTo(302);

        assertThat(location(session.get("/support"))).endsWith("/login?changed");
    }

    @Test
    void changingTheOwnPasswordKeepsThisSessionAndEndsTheOthers() {
        user("changes-own", UserRole.MANAGER, null);
        Http.Session here = signIn("changes-own");
        Http.Session elsewhere = signIn("changes-own");

        HttpResponse<String> changed = here.post("/profile/password",
                "currentPassword=" + PASSWORD + "&newPassword=another-fine-phrase&confirmPassword=another-fine-phrase");
        assertThat(location(changed)).endsWith("/profile");

        assertThat(here.get("/").statusCode()).isEqualTo(200);
        assertThat(location(elsewhere.get("/"))).endsWith("/login?changed");
    }

    @Test
    void aDeletedUsersSessionEnds() {
        long id = user("deleted-later", UserRole.MANAGER, null);
        Http.Session session = signIn("deleted-later");
        users.deleteById(id);
        assertThat(location(session.get("/"))).endsWith("/login?changed");
    }
}
