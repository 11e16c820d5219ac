package io.tandem.app.scorecard;

import static io.tandem.app.security.WebSliceSecurity.OTHER_REP_ID;
import static io.tandem.app.security.WebSliceSecurity.REP_ID;
import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import io.tandem.app.web.WebSliceTest;
import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.Scorecard;
import io.tandem.metrics.scorecard.Scorecard.Figure;
import io.tandem.metrics.scorecard.Scorecards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebSliceTest({RepsController.class, ScorecardApiController.class})
class ScorecardWebTest {

    /** The last full month before WebSliceTest.TODAY (2024-06-15). */
    private static final Period MAY = new Period(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31));

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    Scorecards scorecards;

    @BeforeEach
    void cardsForTheRoster() {
        given(scorecards.of(any(), any())).willAnswer(i -> Set.of("R001", "R002", "R003").contains(i.<String>getArgument(0))
                ? Optional.of(card(i.getArgument(0), i.getArgument(1)))
                : Optional.empty());
    }

    private static Scorecard card(String rep, Period period) {
        return new Scorecard(rep, "Rep " + rep, "North", "support", period, LocalDate.of(2023, 1, 9),
                List.of(new Figure("tickets", new BigDecimal("42"), new BigDecimal("40"), null, false, List.of())),
                List.of(), List.of(), List.of());
    }

    @Test
    void managerSeesAnyRepForTheLastFullMonthWithTheRepSwitch() {
        MvcTestResult page = mvc.get().uri("/reps/" + OTHER_REP_ID).with(manager()).exchange();

        assertThat(page)
                .hasStatusOk()
                .hasViewName("scorecard/rep")
                .model()
                .containsKeys("rep", "reps")
                .containsEntry("period", MAY)
                .containsEntry("previous", new Period(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30)))
                .containsEntry("next", new Period(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)));
        assertThat(page).bodyText().contains("rep-switch", "<h1>Jamie Fox</h1>",
                "data-card=\"/reps/R002/cards/figures?from=2024-05-01&amp;to=2024-05-31\"", "aria-busy=\"true\"",
                "Loading…");
        assertThat(mvc.get().uri("/reps").with(manager())).hasStatusOk().hasViewName("scorecard/reps");
        // the page is a shell: the figures are the card's
        then(scorecards).shouldHaveNoInteractions();

        assertThat(mvc.get().uri("/reps/" + OTHER_REP_ID + "/cards/figures").with(manager()))
                .hasStatusOk()
                .bodyText().startsWith("<section id=\"scorecard-figures\" class=\"scorecard-figures\">")
                .contains("id=\"figure-tickets\"", "42").doesNotContain("<html", "data-card");
        then(scorecards).should().of(OTHER_REP_ID, MAY);
    }

    @Test
    void repSeesOnlyTheirOwnScorecardWithoutTheRepSwitch() {
        assertThat(mvc.get().uri("/reps/" + REP_ID).with(rep()))
                .hasStatusOk()
                .bodyText().contains("Morgan Hale").doesNotContain("rep-switch");
        assertThat(mvc.get().uri("/reps/" + REP_ID + "/cards/figures").with(rep()))
                .hasStatusOk()
                .bodyText().contains("id=\"figure-tickets\"");
        assertThat(mvc.get().uri("/reps/" + OTHER_REP_ID).with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/reps/" + OTHER_REP_ID + "/cards/figures").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/reps").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        then(scorecards).should().of(REP_ID, MAY);
        then(scorecards).shouldHaveNoMoreInteractions();
    }

    @Test
    void repGetsTheirOwnScorecardFromTheApiAndProblemJsonForAnothers() {
        assertThat(mvc.get().uri("/api/metrics/reps/{id}/scorecard", REP_ID).with(rep()))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(mvc.get().uri("/api/metrics/reps/{id}/scorecard", OTHER_REP_ID).with(rep()))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anonymousIsSentToLoginOnThePageAndGets401OnTheApi() {
        assertThat(mvc.get().uri("/reps/" + REP_ID)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/reps/" + REP_ID + "/cards/figures")).hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/api/metrics/reps/{id}/scorecard", REP_ID))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void thereIsNoNextPeriodThatStartsAfterToday() {
        assertThat(mvc.get().uri("/reps/" + REP_ID + "?from=2024-06-01&to=2024-06-30").with(rep()))
                .hasStatusOk()
                .model().containsEntry("next", null);
    }

    @Test
    void badPeriodIs400NamingTheParameterOnPageAndApi() {
        assertThat(mvc.get().uri("/reps/" + REP_ID + "?from=2024-13-01&to=2024-05-31").with(rep()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasBodyTextEqualTo("Parameter 'from' must be an ISO date (yyyy-MM-dd), not '2024-13-01'.");
        assertThat(mvc.get().uri("/reps/" + REP_ID + "/cards/figures?from=2024-13-01&to=2024-05-31").with(rep()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasBodyTextEqualTo("Parameter 'from' must be an ISO date (yyyy-MM-dd), not '2024-13-01'.");
        assertThat(mvc.get().uri("/api/metrics/reps/{id}/scorecard?from=2024-05-31&to=2024-05-01", REP_ID).with(rep()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Parameter 'to' (2024-05-01) is before 'from' (2024-05-31).");
    }

    @Test
    void unknownRepIs404() {
        assertThat(mvc.get().uri("/reps/R999").with(manager())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/reps/R999/cards/figures").with(manager())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/metrics/reps/R999/scorecard").with(manager()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.detail").isEqualTo("There is no rep with external id 'R999'.");
    }
}
