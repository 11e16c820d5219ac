package io.tandem.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The support patterns the demo generator planted are visible through the metrics API (issue 7, tests). */
@TandemIT
class SupportDemoPatternsIT {

    @LocalServerPort
    int port;

    @Test
    void firstResponseTimeRisesInBusyWeeks() {
        JsonNode elasticity = get("/api/metrics/support/response-vs-volume").get("elasticity");
        assertThat(elasticity.get("weeks").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(elasticity.get("slope").asDouble()).isPositive();
        assertThat(elasticity.get("frtRisePer10PctVolume").asDouble()).isPositive();
    }

    @Test
    void theRepWithTheMostHardTicketsScoresBelowTheTeamButAtOrAboveExpectation() {
        JsonNode reps = get("/api/metrics/support/response-vs-volume").get("reps");
        JsonNode busiest = reps.get(0);
        for (JsonNode r : reps) {
            if (r.get("hardTickets").asLong() > busiest.get("hardTickets").asLong()) {
                busiest = r;
            }
        }
        assertThat(busiest.get("rep").asString()).isEqualTo(TestUsers.REP_ID);
        assertThat(busiest.get("name").asString()).isEqualTo("Morgan Hale");

        JsonNode happiness = get("/api/metrics/support/happiness");
        double team = happiness.get("team").get("score").asDouble();
        JsonNode morgan = null;
        for (JsonNode r : happiness.get("reps")) {
            if (r.get("rep").asString().equals(TestUsers.REP_ID)) {
                morgan = r;
            }
        }
        assertThat(morgan).isNotNull();
        assertThat(morgan.get("n").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(morgan.get("score").asDouble()).isLessThan(team);
        assertThat(morgan.get("gap").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(morgan.get("hardShare").asDouble())
                .isGreaterThan(happiness.get("tiers").get(2).get("n").asDouble() / happiness.get("team").get("n").asDouble());
    }

    private JsonNode get(String path) {
        String basic = Base64.getEncoder().encodeToString((TestUsers.MANAGER + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
