package io.tandem.app.revenue;

import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

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
        // the real page name and switch over table names, over the stubbed figures
        given(report.page()).willCallRealMethod();
        given(report.tables()).willCallRealMethod();
        given(report.table(any(), any(), any())).willCallRealMethod();
    }

    @Test
    void managerSeesEveryPanelForTheLast12FullMonths() {
        assertThat(mvc.get().uri("/revenue").with(manager()))
                .hasStatusOk()
                .hasViewName("revenue/revenue")
                .model()
                .containsKeys("movements", "churn", "cohorts", "retention", "arpu", "segmentRows", "indicators")
                .containsEntry("filter", DEFAULTS)
                .containsEntry("teams", List.of("North", "South"))
                .containsEntry("segments", List.of("1-3", "4-10", "11+", "unknown"))
                .containsEntry("organisationName", "Slice Ltd");
        then(report).should().movements(DEFAULTS);
    }

    @Test
    void repSeesTheTeamPageOnlyWhileTheSettingAllowsIt() {
        assertThat(mvc.get().uri("/revenue").with(rep())).hasStatusOk();

        settings.current().setRepsSeeTeamPages(false);

        assertThat(mvc.get().uri("/revenue").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/revenue/movements.csv").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/revenue").with(manager())).hasStatusOk();
    }

    @Test
    void anonymousIsSentToTheLoginForm() {
        assertThat(mvc.get().uri("/revenue")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
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
