package io.tandem.app.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sales pattern the demo generator planted shows through the API (issue 8, tests). */
@TandemIT
class SalesDemoPatternsIT {

    @LocalServerPort
    int port;

    @Test
    void theBiggestBookerHasTheLowestBookingRetentionOfTheSalesReps() {
        JsonNode body = get("/api/metrics/sales/quality");
        List<JsonNode> sales = new ArrayList<>();
        body.get("reps").forEach(r -> {
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
    void supportBringsInSomeOfTheWonAmount() {
        JsonNode ss = get("/api/metrics/sales/quality").get("supportSourced");
        assertThat(ss.get("deals").asLong()).isPositive();
        assertThat(ss.get("share").asDouble()).isBetween(0.0, 1.0);
        assertThat(ss.get("list")).isNotEmpty();
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
