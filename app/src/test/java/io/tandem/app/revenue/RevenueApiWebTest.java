package io.tandem.app.revenue;

import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import io.tandem.app.revenue.RevenueBodies.MovementRow;
import io.tandem.app.revenue.RevenueBodies.Movements;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.WebSliceTest;
import io.tandem.domain.settings.SettingsRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebSliceTest(RevenueApiController.class)
class RevenueApiWebTest {

    private static final String MOVEMENTS = "/api/metrics/revenue/movements";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    SettingsRepository settings;
    @MockitoBean
    RevenueReport report;

    @BeforeEach
    void smallReport() {
        given(report.movements(any())).willReturn(new Movements("USD", List.of(new MovementRow("2024-01",
                new BigDecimal("1000.00"), new BigDecimal("120.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("-20.00"), BigDecimal.ZERO, new BigDecimal("100.00")))));
    }

    @Test
    void managerGetsTheMovementsOfTheRangeAsJsonWithApiNames() {
        MvcTestResult result = mvc.get().uri(MOVEMENTS + "?from=2024-01-01&to=2024-03-31&team=North")
                .with(manager()).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        // newMrr travels as "new" (@JsonProperty), money with its 2 decimals
        assertThat(result).bodyText().contains("\"new\":120.00").doesNotContain("newMrr");
        then(report).should().movements(new DashboardFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31),
                "North", null, "custom", true));
    }

    @Test
    void csvTwinAnswersTextCsv() {
        assertThat(mvc.get().uri(MOVEMENTS + ".csv").with(manager()))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/csv")
                .bodyText().startsWith("month,mrr,new,expansion,contraction,churn,reactivation,netNew\r\n");
    }

    @Test
    void repIsRefusedAsProblemJsonWhenTheSettingHidesTeamPages() {
        assertThat(mvc.get().uri(MOVEMENTS).with(rep())).hasStatusOk();

        settings.current().setRepsSeeTeamPages(false);

        assertThat(mvc.get().uri(MOVEMENTS).with(rep()))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("Your role does not allow this request.");
    }

    @Test
    void anonymousGets401ProblemJsonNamingTheWaysToSignIn() {
        assertThat(mvc.get().uri(MOVEMENTS))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("WWW-Authenticate", "Basic realm=\"Tandem\", Bearer")
                .bodyJson().extractingPath("$.detail").asString().contains("HTTP Basic", "Bearer tdm_");
    }

    @Test
    void unknownTokenGets401ProblemJson() {
        assertThat(mvc.get().uri(MOVEMENTS).header("Authorization", "Bearer tdm_unknown"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").asString().startsWith("The API token is unknown or revoked.");
    }

    @Test
    void badDateIs400ProblemJsonNamingTheParameter() {
        assertThat(mvc.get().uri(MOVEMENTS + "?from=2024-13-01").with(manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Parameter 'from' must be an ISO date (yyyy-MM-dd), not '2024-13-01'.");
    }

    @Test
    void toBeforeFromIs400ProblemJsonNamingTo() {
        assertThat(mvc.get().uri(MOVEMENTS + "?from=2024-03-01&to=2024-02-01").with(manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Parameter 'to' (2024-02-01) is before 'from' (2024-03-01).");
        then(report).shouldHaveNoInteractions();
    }
}
