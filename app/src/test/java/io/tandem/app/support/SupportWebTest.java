package io.tandem.app.support;

import static io.tandem.app.security.WebSliceSecurity.REP_ID;
import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import io.tandem.app.security.TandemUser;
import io.tandem.app.support.SupportBodies.ContactRateBody;
import io.tandem.app.support.SupportBodies.ElasticityLine;
import io.tandem.app.support.SupportBodies.LoadBalanceLine;
import io.tandem.app.support.SupportBodies.ResponseVsVolumeBody;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.WebSliceTest;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.users.UserRole;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebSliceTest({SupportController.class, SupportApiController.class})
class SupportWebTest {

    private static final DashboardFilter DEFAULTS = new DashboardFilter(LocalDate.of(2023, 6, 1),
            LocalDate.of(2024, 5, 31), null, null, "12m", false);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    SettingsRepository settings;
    @MockitoBean
    SupportReport report;

    @BeforeEach
    void smallReport() {
        given(report.responseVsVolume(any(), any())).willReturn(new ResponseVsVolumeBody(List.of(), List.of(),
                new LoadBalanceLine(null, 0, 0, true, false, List.of(), 0), new ElasticityLine(null, null, 0), 0));
        given(report.contactRate(any())).willReturn(new ContactRateBody(List.of(), List.of()));
        // the real page name and switch over table names, over the stubbed figures
        given(report.page()).willCallRealMethod();
        given(report.tables()).willCallRealMethod();
        given(report.table(any(), any(), any())).willCallRealMethod();
        given(report.cards()).willCallRealMethod();
        given(report.card(any(), any(), any())).willCallRealMethod();
    }

    @Test
    void managerSeesTheCardsWithFiguresLabelledForThemself() {
        assertThat(mvc.get().uri("/support").with(manager()))
                .hasStatusOk()
                .hasViewName("support/support")
                .model().doesNotContainKeys("rvv", "contact").containsEntry("filter", DEFAULTS);
        assertThat(mvc.get().uri("/support/cards/reps").with(manager()))
                .hasStatusOk()
                .model().containsKeys("rvv").containsEntry("filter", DEFAULTS);
        then(report).should().responseVsVolume(eq(DEFAULTS),
                argThat(viewer -> viewer instanceof TandemUser u && u.role() == UserRole.MANAGER));
    }

    @Test
    void repGetsFiguresLabelledForTheirOwnRep() {
        assertThat(mvc.get().uri("/api/metrics/support/response-vs-volume").with(rep())).hasStatusOk();
        then(report).should().responseVsVolume(eq(DEFAULTS),
                argThat(viewer -> viewer instanceof TandemUser u && REP_ID.equals(u.repExternalId())));
    }

    @Test
    void repIsRefusedPageAndApiWhenTheSettingHidesTeamPages() {
        settings.current().setRepsSeeTeamPages(false);

        assertThat(mvc.get().uri("/support").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/metrics/support/contact-rate").with(rep()))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anonymousIsSentToLoginOnThePageAndGets401OnTheApi() {
        assertThat(mvc.get().uri("/support")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/api/metrics/support/contact-rate"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void toBeforeFromKeepsThePageOnItsDefaultsWithTheMessage() {
        assertThat(mvc.get().uri("/support?from=2024-03-01&to=2024-02-01").with(manager()))
                .hasStatusOk()
                .model()
                .containsEntry("filter", DEFAULTS)
                .containsEntry("filterError", "Parameter 'to' (2024-02-01) is before 'from' (2024-03-01).");
    }

    @Test
    void unknownSegmentIs400ProblemJsonListingTheSegmentsOfTheSettings() {
        assertThat(mvc.get().uri("/api/metrics/support/contact-rate?segment=huge").with(manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Parameter 'segment' must be one of 1-3, 4-10, 11+, unknown, not 'huge'.");
    }

    @Test
    void unknownCsvTableIs404() {
        assertThat(mvc.get().uri("/support/nope.csv").with(manager()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().startsWith("There is no table 'nope'; tables: ");
    }
}
