package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patterns the demo company plants, as a manager reads them through the metrics API with the
 * default filters (issues 6-8): what the dashboards show, not only what the tables hold
 * ({@link PlantedPatterns}). Run on the default demo and on demos of other days and seeds.
 */
interface DemoApiPatterns {

    /** The port of the app serving the demo company. */
    int port();

    private JsonNode get(String path) {
        HttpResponse<String> response = Http.api(port(), "GET", path, null, null, TestUsers.MANAGER, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    default void arpuOfSurvivorsRisesWithAge() {
        JsonNode ages = get("/api/metrics/revenue/arpu-by-age").get("ages");
        double ageZero = ages.get(0).get("arpu").asDouble();
        double ageTwelve = ages.get(12).get("arpu").asDouble();
        double ageTwentyFour = ages.get(24).get("arpu").asDouble();
        assertThat(ageTwelve).isGreaterThan(ageZero);
        assertThat(ageTwentyFour).isGreaterThan(ageTwelve);
        assertThat(ages.get(24).get("n").asLong()).isGreaterThanOrEqualTo(30);
    }

    @Test
    default void accountsAfterANotGoodRatingRetainWorseThanControl() {
        JsonNode badExperience = null;
        for (JsonNode i : get("/api/metrics/retention/leading-indicators").get("indicators")) {
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

    @Test
    default void firstResponseTimeRisesInBusyWeeks() {
        JsonNode elasticity = get("/api/metrics/support/response-vs-volume").get("elasticity");
        assertThat(elasticity.get("weeks").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(elasticity.get("slope").asDouble()).isPositive();
        assertThat(elasticity.get("frtRisePer10PctVolume").asDouble()).isPositive();
    }

    @Test
    default void theRepWithTheMostHardTicketsScoresBelowTheTeamButAtOrAboveExpectation() {
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

    @Test
    default void theBiggestBookerHasTheLowestBookingRetentionOfTheSalesReps() {
        List<JsonNode> sales = new ArrayList<>();
        get("/api/metrics/sales/quality").get("reps").forEach(r -> {
            if ("sales".equals(r.get("role").asString())) {
                sales.add(r);
            }
        });
        assertThat(sales).hasSizeGreaterThanOrEqualTo(3);
        JsonNode biggest = sales.stream()
                .max((a, b) -> a.get("bookings").decimalValue().compareTo(b.get("bookings").decimalValue()))
                .orElseThrow();
        JsonNode leastRetained = sales.stream()
                .filter(r -> !r.get("bookingRetention").isNull())
                .min((a, b) -> a.get("bookingRetention").decimalValue().compareTo(b.get("bookingRetention").decimalValue()))
                .orElseThrow();
        assertThat(biggest.get("name").asString()).isEqualTo("Riley Chase");
        assertThat(leastRetained.get("name").asString()).isEqualTo("Riley Chase");
        // not a fluke of a handful of deals
        assertThat(biggest.get("matureDeals").asLong()).isGreaterThanOrEqualTo(10);
    }

    @Test
    default void supportBringsInSomeOfTheWonAmount() {
        JsonNode ss = get("/api/metrics/sales/quality").get("supportSourced");
        assertThat(ss.get("deals").asLong()).isPositive();
        assertThat(ss.get("share").asDouble()).isBetween(0.0, 1.0);
        assertThat(ss.get("list")).isNotEmpty();
    }
}
