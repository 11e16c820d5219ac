package io.tandem.app.revenue;

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

/** The patterns the demo generator planted are visible through the metrics API (issue 6, tests). */
@TandemIT
class RevenueDemoPatternsIT {

    @LocalServerPort
    int port;

    @Test
    void arpuOfSurvivorsRisesWithAge() {
        JsonNode ages = get("/api/metrics/revenue/arpu-by-age").get("ages");
        double ageZero = ages.get(0).get("arpu").asDouble();
        double ageTwelve = ages.get(12).get("arpu").asDouble();
        double ageTwentyFour = ages.get(24).get("arpu").asDouble();
        assertThat(ageTwelve).isGreaterThan(ageZero);
        assertThat(ageTwentyFour).isGreaterThan(ageTwelve);
        assertThat(ages.get(24).get("n").asLong()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void accountsAfterANotGoodRatingRetainWorseThanControl() {
        JsonNode indicators = get("/api/metrics/retention/leading-indicators").get("indicators");
        JsonNode badExperience = null;
        for (JsonNode i : indicators) {
            if (i.get("name").asString().equals("retention-after-bad-experience") && i.get("horizon").asInt() == 3) {
                badExperience = i;
            }
        }
        assertThat(badExperience).isNotNull();
        JsonNode cohort = badExperience.get("cohort");
        JsonNode control = badExperience.get("control");
        assertThat(cohort.get("n").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(cohort.get("rate").asDouble()).isLessThan(control.get("rate").asDouble());
        // not chance: the cohort's 95% interval lies below the control's
        assertThat(cohort.get("high").asDouble()).isLessThan(control.get("low").asDouble());
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
