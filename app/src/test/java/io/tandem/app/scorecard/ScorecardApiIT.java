package io.tandem.app.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The scorecard API on demo data: the fields of api.md, the default period and bad parameters. */
@TandemIT
class ScorecardApiIT {

    @LocalServerPort
    int port;
    private final Http.Api api = new Http.Api(() -> port);

    @Test
    void aRepReadsTheirOwnScorecardWithTheFourRows() {
        HttpResponse<String> response = api.get("/api/metrics/reps/R001/scorecard", TestUsers.REP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"rep\":\"R001\"", "\"role\":\"support\"", "\"period\":{\"from\":",
                "\"volume\":[", "\"speed\":[", "\"quality\":[", "\"outcome\":[", "\"teamMedian\":", "\"trend\":[");
    }

    @Test
    void aSalesRepsOutcomeCarriesBookingRetentionAndCommission() {
        HttpResponse<String> response = api.get("/api/metrics/reps/R008/scorecard?from=2026-01-01&to=2026-06-30", TestUsers.MANAGER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"role\":\"sales\"", "\"key\":\"bookings\"", "\"key\":\"bookingRetention\"",
                "\"key\":\"commissionForfeited\"", "\"period\":{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}");
    }

    @Test
    void badParametersAreNamed() {
        HttpResponse<String> response = api.get("/api/metrics/reps/R001/scorecard?from=2026-13-01&to=2026-12-31", TestUsers.MANAGER);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'from'");

        HttpResponse<String> oneSided = api.get("/api/metrics/reps/R001/scorecard?from=2026-01-01", TestUsers.MANAGER);
        assertThat(oneSided.statusCode()).isEqualTo(400);
        assertThat(oneSided.body()).contains("'to'");

        assertThat(api.get("/api/metrics/reps/NOPE/scorecard", TestUsers.MANAGER).statusCode()).isEqualTo(404);
    }
}
