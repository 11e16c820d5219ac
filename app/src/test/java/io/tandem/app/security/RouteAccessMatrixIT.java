package io.tandem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route × every kind of caller gets exactly the expected status. The route list comes from
 * the application's own handler mappings: a new route without a row here fails the build.
 */
@TandemIT
class RouteAccessMatrixIT {

    enum Caller { ANONYMOUS, REP, OTHER_REP, MANAGER, ADMIN }

    /** One request and its expected status for each caller, in Caller order. */
    record Case(String method, String pattern, String url, String form, int... expected) {
    }

    private static final int OK = 200;
    private static final int FOUND = 302;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;


    /** The rules. {externalId} is always rep R001, the REP caller's own rep; OTHER_REP is rep R002. */
    private List<Case> cases(long victimId) {
        String victim = "/admin/users/" + victimId;
        return List.of(
                //        method  pattern                                  url                     form                         anon   rep        otherRep   manager    admin
                new Case("GET", "/", "/", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/cards/headlines", "/cards/headlines", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/login", "/login", null, OK, OK, OK, OK, OK),
                new Case("GET", "/revenue", "/revenue", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/revenue/cohort", "/revenue/cohort?cohort=2024-01&age=0", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/revenue/cohort.csv", "/revenue/cohort.csv?cohort=2024-01&age=0", null,
                        FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/{table:[a-z0-9-]+}.csv", "/revenue/movements.csv", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/cards/{card:[a-z0-9-]+}", "/revenue/cards/cohorts", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/growth", "/growth", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/{table:[a-z0-9-]+}.csv", "/growth/high-touch.csv", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/cards/{card:[a-z0-9-]+}", "/growth/cards/high-touch", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/sales", "/sales", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/{table:[a-z0-9-]+}.csv", "/sales/reps.csv", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/cards/{card:[a-z0-9-]+}", "/sales/cards/support-sourced", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/support", "/support", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/support/tickets", "/support/tickets?week=2024-W10", null, FOUND, OK, OK, OK, OK),
                // another rep's tickets by rep: the page says why instead of listing them
                new Case("GET", "/support/tickets", "/support/tickets?rep=R001", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/support/tickets.csv", "/support/tickets.csv?week=2024-W10", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/support/tickets.csv", "/support/tickets.csv?rep=R001", null, FOUND, OK, FORBIDDEN, OK, OK),
                new Case("GET", "/{page:[a-z]+}/{table:[a-z0-9-]+}.csv", "/support/reps.csv", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/cards/{card:[a-z0-9-]+}", "/support/cards/reps", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/happiness", "/happiness", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/{table:[a-z0-9-]+}.csv", "/happiness/reps.csv", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/{page:[a-z]+}/cards/{card:[a-z0-9-]+}", "/happiness/cards/reps", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/import", "/import", null, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("POST", "/import/run", "/import/run", "kind=reps", FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, 400),
                new Case("GET", "/import/progress/{id}", "/import/progress/none", null,
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, 404),
                new Case("GET", "/import/runs/{id}/errors.csv", "/import/runs/999999/errors.csv", null,
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, 404),
                new Case("GET", "/import/export/{kind}.csv", "/import/export/reps.csv", null,
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("POST", "/api/imports/{kind}", "/api/imports/reps", "",
                        UNAUTHORIZED, FORBIDDEN, FORBIDDEN, FORBIDDEN, 400),
                new Case("GET", "/api/exports/{kind}", "/api/exports/reps", null,
                        UNAUTHORIZED, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("GET", "/me", "/me", null, FOUND, FOUND, FOUND, FOUND, FOUND),
                new Case("GET", "/reps", "/reps", null, FOUND, FORBIDDEN, FORBIDDEN, OK, OK),
                new Case("GET", "/reps/{externalId}", "/reps/R001", null, FOUND, OK, FORBIDDEN, OK, OK),
                new Case("GET", "/reps/{externalId}/cards/figures", "/reps/R001/cards/figures", null,
                        FOUND, OK, FORBIDDEN, OK, OK),
                new Case("GET", "/profile", "/profile", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/profile/password", "/profile/password", null, FOUND, OK, OK, OK, OK),
                new Case("POST", "/profile/password", "/profile/password",
                        "currentPassword=wrong&newPassword=x&confirmPassword=x", FOUND, OK, OK, OK, OK),
                new Case("POST", "/profile/tokens", "/profile/tokens", "name=matrix", FOUND, FOUND, FOUND, FOUND, FOUND),
                new Case("POST", "/profile/tokens/{id}/revoke", "/profile/tokens/999999/revoke", "",
                        FOUND, FOUND, FOUND, FOUND, FOUND),
                new Case("GET", "/admin", "/admin", null, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("GET", "/admin/audit", "/admin/audit", null, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("GET", "/admin/settings", "/admin/settings", null, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("POST", "/admin/settings", "/admin/settings", "organisationName=",
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
                new Case("POST", "/admin/users", "/admin/users", "username=dana&role=REP&rep=R003",
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND),
                new Case("POST", "/admin/users/{id}", victim, "role=REP&rep=R003&enabled=true",
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND),
                new Case("POST", "/admin/users/{id}/password", victim + "/password", "",
                        FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND),
                new Case("GET", "/api/me", "/api/me", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/reps/{externalId}/scorecard", "/api/metrics/reps/R001/scorecard", null,
                        UNAUTHORIZED, OK, FORBIDDEN, OK, OK),
                new Case("GET", "/api/metrics/revenue/movements", "/api/metrics/revenue/movements", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/revenue/movements.csv", "/api/metrics/revenue/movements.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/churn", "/api/metrics/retention/churn", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/churn.csv", "/api/metrics/retention/churn.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/cohorts", "/api/metrics/retention/cohorts", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/cohorts.csv", "/api/metrics/retention/cohorts.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/cohorts/accounts", "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=0", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/cohorts/accounts.csv", "/api/metrics/retention/cohorts/accounts.csv?cohort=2024-01&age=0", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/revenue/retention", "/api/metrics/revenue/retention", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/revenue/retention.csv", "/api/metrics/revenue/retention.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/revenue/arpu-by-age", "/api/metrics/revenue/arpu-by-age", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/revenue/arpu-by-age.csv", "/api/metrics/revenue/arpu-by-age.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/segments", "/api/metrics/segments", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/segments.csv", "/api/metrics/segments.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/growth", "/api/metrics/growth", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/response-vs-volume", "/api/metrics/support/response-vs-volume", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/response-vs-volume.csv", "/api/metrics/support/response-vs-volume.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/response-vs-volume/reps", "/api/metrics/support/response-vs-volume/reps", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/response-vs-volume/reps.csv", "/api/metrics/support/response-vs-volume/reps.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/contact-rate", "/api/metrics/support/contact-rate", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/contact-rate.csv", "/api/metrics/support/contact-rate.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/happiness", "/api/metrics/support/happiness", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/happiness.csv", "/api/metrics/support/happiness.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/support/tickets", "/api/metrics/support/tickets?week=2024-W10", null, UNAUTHORIZED, OK, OK, OK, OK),
                // REP users pick out only their own tickets by rep (R001 is the REP caller's own rep)
                new Case("GET", "/api/metrics/support/tickets", "/api/metrics/support/tickets?rep=R001", null, UNAUTHORIZED, OK, FORBIDDEN, OK, OK),
                new Case("GET", "/api/metrics/support/tickets.csv", "/api/metrics/support/tickets.csv?rep=R001", null, UNAUTHORIZED, OK, FORBIDDEN, OK, OK),
                new Case("GET", "/api/metrics/growth.csv", "/api/metrics/growth.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/growth/high-touch", "/api/metrics/growth/high-touch", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/growth/high-touch.csv", "/api/metrics/growth/high-touch.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/sales/quality", "/api/metrics/sales/quality", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/sales/quality.csv", "/api/metrics/sales/quality.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/sales/support-sourced", "/api/metrics/sales/support-sourced", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/sales/support-sourced.csv", "/api/metrics/sales/support-sourced.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/leading-indicators", "/api/metrics/retention/leading-indicators", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/api/metrics/retention/leading-indicators.csv", "/api/metrics/retention/leading-indicators.csv", null, UNAUTHORIZED, OK, OK, OK, OK),
                new Case("GET", "/v3/api-docs", "/v3/api-docs", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/v3/api-docs.yaml", "/v3/api-docs.yaml", null, FOUND, OK, OK, OK, OK),
                new Case("GET", "/v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", null,
                        FOUND, OK, OK, OK, OK),
                new Case("GET", "/swagger-ui.html", "/swagger-ui.html", null, FOUND, FOUND, FOUND, FOUND, FOUND));
    }

    /** Boot's error dispatch target: not a route anybody requests. */
    private static final Set<String> NOT_ROUTES = Set.of("/error");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    AppUserRepository users;
    @Autowired
    RepRepository reps;
    @Autowired
    PasswordEncoder encoder;

    private long victimId;

    @BeforeEach
    void users() {
        TestUsers.ensureAdmin(users, encoder);
        victimId = users.findByUsernameIgnoreCase("matrix-victim")
                .orElseGet(() -> users.save(new AppUser("matrix-victim", encoder.encode("irrelevant-password"),
                        UserRole.REP, reps.findByExternalId("R003").orElseThrow())))
                .getId();
    }

    @Test
    void everyRouteHasARule() {
        Set<String> declared = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().forEach(pattern -> {
            if (!NOT_ROUTES.contains(pattern)) {
                Set<String> verbs = info.getMethodsCondition().getMethods().isEmpty()
                        ? Set.of("GET")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.toSet());
                verbs.forEach(v -> declared.add(v + " " + pattern));
            }
        }));
        Set<String> covered = new TreeSet<>();
        cases(0).forEach(c -> covered.add(c.method() + " " + c.pattern()));
        assertThat(covered).as("routes with an access rule in this test").containsAll(declared);
        assertThat(declared).as("rules for routes that no longer exist").containsAll(covered);
    }

    @Test
    void everyCallerGetsTheExpectedStatusOnEveryRoute() {
        Map<Caller, Http.Session> sessions = new EnumMap<>(Caller.class);
        sessions.put(Caller.ANONYMOUS, new Http.Session(port));
        sessions.put(Caller.REP, Http.login(port, TestUsers.REP, TestUsers.PASSWORD));
        sessions.put(Caller.OTHER_REP, Http.login(port, TestUsers.OTHER_REP, TestUsers.PASSWORD));
        sessions.put(Caller.MANAGER, Http.login(port, TestUsers.MANAGER, TestUsers.PASSWORD));
        sessions.put(Caller.ADMIN, Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases(victimId)) {
            for (Caller caller : Caller.values()) {
                int expected = c.expected()[caller.ordinal()];
                int actual = c.url().startsWith("/api/")
                        ? api(c.method(), c.url(), caller)
                        : c.method().equals("GET")
                        ? sessions.get(caller).get(c.url()).statusCode()
                        : sessions.get(caller).post(c.url(), c.form()).statusCode();
                if (actual != expected) {
                    wrong.add(c.method() + " " + c.url() + " as " + caller + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int api(String method, String url, Caller caller) {
        String user = switch (caller) {
            case ANONYMOUS -> null;
            case REP -> TestUsers.REP;
            case OTHER_REP -> TestUsers.OTHER_REP;
            case MANAGER -> TestUsers.MANAGER;
            case ADMIN -> TestUsers.ADMIN;
        };
        // accept null: no Accept header is sent
        HttpResponse<String> response = Http.api(port, method, url, null, method.equals("POST") ? "text/csv" : null,
                null, user, TestUsers.PASSWORD);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        }
        return response.statusCode();
    }
}
