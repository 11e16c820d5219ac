package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@TandemIT
class PagesIT {

    @LocalServerPort
    int port;

    @Test
    void healthIsUp() {
        HttpResponse<String> response = Http.get(port, "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void homeShowsHeadlineFiguresAndTheDemoBanner() {
        HttpResponse<String> response = Http.get(port, "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("Active accounts", "MRR", "Logo churn", "Tickets last week")
                .contains("You are looking at demo data")
                .contains("--tandem.demo.clear=true")
                .doesNotContain("No data yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/revenue", "/support", "/happiness", "/sales", "/growth", "/me", "/import", "/admin"})
    void everyNavigationLinkLeadsToAPage(String path) {
        HttpResponse<String> response = Http.get(port, path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<nav", "Back to the overview");
    }

    @Test
    void unknownPagesGetAFriendly404WithoutInternals() {
        HttpResponse<String> response = Http.page(port, "/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("We could not find that page").doesNotContain("Exception");
    }

    @Test
    void openApiIsPublished() {
        assertThat(Http.get(port, "/v3/api-docs").statusCode()).isEqualTo(200);
    }
}
