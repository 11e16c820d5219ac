package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

@TandemIT
class PagesIT {

    private static final Pattern CARD = Pattern.compile("data-card=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MetricCache cache;

    private Http.Session admin;

    @BeforeEach
    void signIn() {
        TestUsers.ensureAdmin(users, encoder);
        admin = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    @Test
    void healthIsUpWithoutSigningIn() {
        HttpResponse<String> response = Http.get(port, "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void homeShowsHeadlineFiguresAndTheDemoBanner() {
        HttpResponse<String> response = admin.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("You are looking at demo data")
                .contains("--tandem.demo.clear=true")
                .doesNotContain("No data yet");
        // the figures are the page's card (issue 16)
        assertThat(admin.get("/cards/headlines").body())
                .contains("Active accounts", "MRR", "Logo churn", "Tickets last week");
    }

    @ParameterizedTest
    @ValueSource(strings = {"revenue", "support", "happiness", "sales", "growth"})
    void everyPageAnswersAnUnknownTableWith404AndABadParameterWith400NamingIt(String page) {
        HttpResponse<String> unknown = admin.get("/" + page + "/no-such-table.csv");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("There is no table 'no-such-table'; tables: ");

        HttpResponse<String> bad = admin.get("/" + page + "/no-such-table.csv?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Parameter 'from' must be an ISO date");

        HttpResponse<String> shown = admin.get("/" + page + "?from=yesterday");
        assertThat(shown.statusCode()).as("the page shows its defaults").isEqualTo(200);
        assertThat(shown.body()).contains("Parameter &#39;from&#39; must be an ISO date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"revenue", "support", "happiness", "sales", "growth"})
    void thePageIsAShellThatComputesNoFigureAndEachOfItsCardsAnswersOnItsOwn(String page) {
        // a filter nothing has asked for yet: a metric run for the shell would be a computation
        String filter = "?from=2025-02-01&to=2025-04-30&team=Support";
        long computed = cache.computations();
        HttpResponse<String> shell = admin.get("/" + page + filter);
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(cache.computations()).as("metrics computed for the shell").isEqualTo(computed);

        List<String> cards = new ArrayList<>();
        Matcher card = CARD.matcher(shell.body());
        while (card.find()) {
            cards.add(card.group(1).replace("&amp;", "&"));
        }
        assertThat(cards).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("/" + page + "/cards/").endsWith(filter));
        for (String url : cards) {
            HttpResponse<String> answer = admin.get(url);
            assertThat(answer.statusCode()).as(url).isEqualTo(200);
            assertThat(answer.body()).as(url).contains("<section class=\"card").doesNotContain("<html", "data-card=");
        }

        HttpResponse<String> unknown = admin.get("/" + page + "/cards/no-such-card");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("There is no card 'no-such-card'; cards: ");
        HttpResponse<String> bad = admin.get(cards.get(0) + "&segment=huge");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Parameter 'segment' must be one of");
    }

    @Test
    void theOverviewAndAScorecardAreShellsTooWithTheirFiguresAsOneCardEach() {
        HttpResponse<String> home = admin.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("data-card=\"/cards/headlines\"").doesNotContain("Figures as of", "id=\"mrr\"");
        HttpResponse<String> headlines = admin.get("/cards/headlines");
        assertThat(headlines.statusCode()).isEqualTo(200);
        assertThat(headlines.body()).startsWith("<section id=\"headlines\"").contains("Figures as of", "id=\"mrr\"")
                .doesNotContain("<html", "data-card=");

        // a period nothing has asked for yet: the team queries of the scorecard would be computations
        String period = "?from=2025-03-01&to=2025-03-31";
        long computed = cache.computations();
        HttpResponse<String> shell = admin.get("/reps/R003" + period);
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(cache.computations()).as("metrics computed for the scorecard's shell").isEqualTo(computed);
        assertThat(shell.body()).contains("data-card=\"/reps/R003/cards/figures?from=2025-03-01&amp;to=2025-03-31\"")
                .doesNotContain("id=\"row-volume\"");
        HttpResponse<String> figures = admin.get("/reps/R003/cards/figures" + period);
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("id=\"row-volume\"", "id=\"row-outcome\"").doesNotContain("<html");
        assertThat(cache.computations()).as("the card computes them").isGreaterThan(computed);
        assertThat(admin.get("/reps/R999/cards/figures").statusCode()).isEqualTo(404);
        // a bad period is the card's clear 400, never a 500
        HttpResponse<String> badPeriod = admin.get("/reps/R003/cards/figures?from=2026-13-01&to=2026-12-31");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("from");
        assertThat(admin.get("/reps/R003/cards/figures?from=2026-06-30&to=2026-06-01").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPagesGetAFriendly404WithoutInternals() {
        HttpResponse<String> response = admin.get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1>Something went wrong</h1>", "We could not find that page")
                .doesNotContain("Exception");

        HttpResponse<String> table = admin.get("/nosuchpage/movements.csv");
        assertThat(table.statusCode()).as("a table of a page that does not exist").isEqualTo(404);
        assertThat(table.body()).doesNotContain("Exception");
    }

    @Test
    void openApiIsPublishedToSignedInUsers() {
        assertThat(admin.get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    @Test
    void openApiNamesTheFilterQueryParametersNotAFilterObject() {
        JsonNode docs = Http.json(admin.get("/v3/api-docs").body());
        assertThat(parameterNames(docs, "/api/metrics/revenue/movements"))
                .containsExactlyInAnyOrder("from", "to", "range", "team", "segment");
        assertThat(parameterNames(docs, "/api/metrics/reps/{externalId}/scorecard"))
                .containsExactlyInAnyOrder("externalId", "from", "to");
    }

    private static List<String> parameterNames(JsonNode docs, String path) {
        List<String> names = new ArrayList<>();
        docs.get("paths").get(path).get("get").get("parameters").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }
}
