package io.tandem.app.happiness;

import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import io.tandem.app.happiness.HappinessBody.Month;
import io.tandem.app.happiness.HappinessBody.Team;
import io.tandem.app.happiness.HappinessBody.Tier;
import io.tandem.app.web.WebSliceTest;
import io.tandem.domain.settings.SettingsRepository;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebSliceTest({HappinessController.class, HappinessApiController.class})
class HappinessWebTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    SettingsRepository settings;
    @MockitoBean
    HappinessReport report;

    @BeforeEach
    void smallReport() {
        // 40 ratings: 30 great, 6 ok, 4 not good: 75% - 10% = 65 points
        Team team = new Team(new BigDecimal("65"), 40, 30, 6, 4, new BigDecimal("0.5"), 40, 80,
                new BigDecimal("50"), new BigDecimal("78"), false);
        given(report.happiness(any(), any())).willReturn(new HappinessBody(team,
                List.of(new Tier("hard", new BigDecimal("50"), 10, true)), List.of(),
                List.of(new Month("2024-05", new BigDecimal("65"), 40, false))));
        given(report.page()).willCallRealMethod();
        given(report.tables()).willCallRealMethod();
        given(report.table(any(), any(), any())).willCallRealMethod();
        given(report.cards()).willCallRealMethod();
        given(report.card(any(), any(), any())).willCallRealMethod();
    }

    @Test
    void managerSeesThePageWithItsFigures() {
        assertThat(mvc.get().uri("/happiness").with(manager()))
                .hasStatusOk()
                .hasViewName("happiness/happiness")
                .model().containsKeys("filter", "hasData").doesNotContainKeys("h");
        assertThat(mvc.get().uri("/happiness/cards/team").with(manager()))
                .hasStatusOk()
                .bodyText().contains("id=\"team-score\"", "+65.0 points");
    }

    @Test
    void aTableDownloadsWithTheColumnsOfItsRecord() {
        assertThat(mvc.get().uri("/happiness/tiers.csv").with(manager()))
                .hasStatusOk()
                .hasHeader("Content-Disposition", "attachment; filename=\"happiness-tiers.csv\"")
                .hasBodyTextEqualTo("tier,score,n,lowSample\r\nhard,50,10,true\r\n");
        assertThat(mvc.get().uri("/happiness/teams.csv").with(manager())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void repIsRefusedWhenTheSettingHidesTeamPagesAndAnonymousMustSignIn() {
        settings.current().setRepsSeeTeamPages(false);

        assertThat(mvc.get().uri("/happiness").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/metrics/support/happiness"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
