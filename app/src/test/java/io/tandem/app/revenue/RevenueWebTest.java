package io.tandem.app.revenue;

import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

import io.tandem.app.revenue.RevenueBodies.Arpu;
import io.tandem.app.revenue.RevenueBodies.Churn;
import io.tandem.app.revenue.RevenueBodies.Cohorts;
import io.tandem.app.revenue.RevenueBodies.Indicators;
import io.tandem.app.revenue.RevenueBodies.MovementRow;
import io.tandem.app.revenue.RevenueBodies.Movements;
import io.tandem.app.revenue.RevenueBodies.Retention;
import io.tandem.app.revenue.RevenueBodies.SegmentsBody;
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

@WebSliceTest(RevenueController.class)
class RevenueWebTest {

    /** The last 12 full months before WebSliceTest.TODAY (2024-06-15). */
    private static final DashboardFilter DEFAULTS = new DashboardFilter(LocalDate.of(2023, 6, 1),
            LocalDate.of(2024, 5, 31), null, null, "12m", false);

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
        given(report.churn(any())).willReturn(new Churn(List.of(), null, null, null, null));
        given(report.cohorts(any())).willReturn(new Cohorts(-1, List.of()));
        given(report.retention(any())).willReturn(new Retention(List.of()));
        given(report.arpu(any())).willReturn(new Arpu("USD", List.of()));
        given(report.segments(any())).willReturn(new SegmentsBody("USD", List.of()));
        given(report.indicators(any())).willReturn(new Indicators(List.of()));
        // the real page name and switches over table and card names, over the stubbed figures
        given(report.page()).willCallRealMethod();
        given(report.tables()).willCallRealMethod();
        given(report.table(any(), any(), any())).willCallRealMethod();
        given(report.cards()).willCallRealMethod();
        given(report.card(any(), any(), any())).willCallRealMethod();
    }

    @Test
    void managerSeesThePageShellWithAPlaceholderPerCardAndNoFigureComputed() {
        assertThat(mvc.get().uri("/revenue?range=3m").with(manager()))
                .hasStatusOk()
                .hasViewName("revenue/revenue")
                .model()
                .doesNotContainKeys("movements", "churn", "cohorts", "retention", "arpu", "segmentRows", "indicators")
                .containsEntry("teams", List.of("North", "South"))
                .containsEntry("segments", List.of("1-3", "4-10", "11+", "unknown"))
                .containsEntry("organisationName", "Slice Ltd");
        assertThat(mvc.get().uri("/revenue?range=3m").with(manager())).bodyText()
                .contains(RevenueReport.CARDS.stream()
                        .map(card -> "id=\"" + card + "\" data-card=\"/revenue/cards/" + card + "?range=3m\" aria-busy=\"true\"")
                        .toArray(String[]::new))
                .contains("<h2 id=\"cohorts-title\">", "id=\"cohorts-definition\"", "Try again",
                        "<noscript><p><a href=\"/revenue/cards/cohorts?range=3m\">");
        then(report).should(never()).movements(any());
        then(report).should(never()).cohorts(any());
    }

    @Test
    void aCardRendersOnItsOwnForTheLast12FullMonths() {
        assertThat(mvc.get().uri("/revenue/cards/movements").with(manager()))
                .hasStatusOk()
                .hasViewName("fragments/card")
                .model()
                .containsKeys("movements")
                .containsEntry("filter", DEFAULTS);
        assertThat(mvc.get().uri("/revenue/cards/movements").with(manager())).bodyText()
                .contains("<section class=\"card panel\" id=\"movements\">", "<h2 id=\"movements-title\">", "USD 120", "href=\"/revenue/movements.csv\"")
                .doesNotContain("<html", "data-card", "aria-busy");
        then(report).should(times(2)).movements(DEFAULTS);
        then(report).should(never()).churn(any());
    }

    @Test
    void unknownCardIs404AndABadFilterOfACardIs400NamingTheParameter() {
        assertThat(mvc.get().uri("/revenue/cards/nope").with(manager()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().startsWith("There is no card 'nope'; cards: movements, churn, retention");
        assertThat(mvc.get().uri("/revenue/cards/churn?from=2024-13-01").with(manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasBodyTextEqualTo("Parameter 'from' must be an ISO date (yyyy-MM-dd), not '2024-13-01'.");
    }

    @Test
    void repSeesTheTeamPageOnlyWhileTheSettingAllowsIt() {
        assertThat(mvc.get().uri("/revenue").with(rep())).hasStatusOk();

        settings.current().setRepsSeeTeamPages(false);

        assertThat(mvc.get().uri("/revenue").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/revenue/movements.csv").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/revenue/cards/movements").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/revenue").with(manager())).hasStatusOk();
    }

    @Test
    void anonymousIsSentToTheLoginForm() {
        assertThat(mvc.get().uri("/revenue")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/revenue/cards/movements")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    @Test
    void badDateShowsTheDefaultsWithAMessageNamingTheParameter() {
        String message = "Parameter 'from' must be an ISO date (yyyy-MM-dd), not '2024-13-01'.";

        assertThat(mvc.get().uri("/revenue").param("from", "2024-13-01").with(manager()))
                .hasStatusOk()
                .hasViewName("revenue/revenue")
                .model()
                .containsEntry("filterError", message)
                .containsEntry("filter", DEFAULTS);
        assertThat(mvc.get().uri("/revenue").param("from", "2024-13-01").with(manager()))
                .bodyText().contains("filter-error").contains(message.replace("'", "&#39;"));
    }

    @Test
    void csvDownloadWithToBeforeFromIs400NamingTheParameter() {
        assertThat(mvc.get().uri("/revenue/movements.csv?from=2024-03-01&to=2024-02-01").with(manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .hasBodyTextEqualTo("Parameter 'to' (2024-02-01) is before 'from' (2024-03-01).");
    }

    @Test
    void csvOfATableHasTheColumnsOfTheApi() {
        assertThat(mvc.get().uri("/revenue/movements.csv?from=2024-01-01&to=2024-01-31").with(manager()))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/csv")
                .hasHeader("Content-Disposition", "attachment; filename=\"mrr-movements.csv\"")
                .hasBodyTextEqualTo("month,mrr,new,expansion,contraction,churn,reactivation,netNew\r\n"
                        + "2024-01,1000.00,120.00,0,0,-20.00,0,100.00\r\n");
        then(report).should().movements(new DashboardFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31),
                null, null, "custom", true));
    }

    @Test
    void unknownCsvTableIs404NamingTheTables() {
        assertThat(mvc.get().uri("/revenue/nope.csv").with(manager()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().startsWith("There is no table 'nope'; tables: movements, churn, cohorts");
    }
}
