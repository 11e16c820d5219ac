package io.tandem.app.growth;

import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import io.tandem.app.growth.GrowthBody.HighTouchLine;
import io.tandem.app.web.WebSliceTest;
import io.tandem.domain.settings.SettingsRepository;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebSliceTest({GrowthController.class, GrowthApiController.class})
class GrowthWebTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    SettingsRepository settings;
    @MockitoBean
    GrowthReport report;

    @BeforeEach
    void smallReport() {
        // ARR 1,200,000 on a cost of 100,000: 1,200,000 per 100k, above the 1,000,000 target
        HighTouchLine r1 = new HighTouchLine("R001", "Rep One", new BigDecimal("1200000.00"),
                new BigDecimal("100000.00"), new BigDecimal("1200000.00"), true);
        given(report.growth(any(), any())).willReturn(new GrowthBody("USD", new BigDecimal("100.00"),
                new BigDecimal("0.8"), new BigDecimal("0.02"), 500, false, new BigDecimal("4000.00"),
                new BigDecimal("800.00"), 10, new BigDecimal("10.00"), new BigDecimal("5.00"),
                new BigDecimal("12.00"), GrowthReport.TARGET, List.of(r1)));
        given(report.page()).willCallRealMethod();
        given(report.tables()).willCallRealMethod();
        given(report.table(any(), any(), any())).willCallRealMethod();
        given(report.cards()).willCallRealMethod();
        given(report.card(any(), any(), any())).willCallRealMethod();
    }

    @Test
    void managerSeesThePageWithItsFigures() {
        assertThat(mvc.get().uri("/growth").with(manager()))
                .hasStatusOk()
                .hasViewName("growth/growth")
                .model().containsKeys("filter", "hasData").doesNotContainKeys("growth");
        assertThat(mvc.get().uri("/growth/cards/ltv-cac").with(manager()))
                .hasStatusOk()
                .bodyText().contains("id=\"ltv-cac\"", "5.0 : 1");
    }

    @Test
    void highTouchTableDownloadsAsTheApiNamesIt() {
        assertThat(mvc.get().uri("/growth/high-touch.csv").with(manager()))
                .hasStatusOk()
                .hasHeader("Content-Disposition", "attachment; filename=\"high-touch.csv\"")
                .hasBodyTextEqualTo("rep,name,arr,annualCost,arrPer100kCost,meetsTarget\r\n"
                        + "R001,Rep One,1200000.00,100000.00,1200000.00,true\r\n");
        assertThat(mvc.get().uri("/growth/low-touch.csv").with(manager())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void repIsRefusedWhenTheSettingHidesTeamPages() {
        assertThat(mvc.get().uri("/growth").with(rep())).hasStatusOk();

        settings.current().setRepsSeeTeamPages(false);

        assertThat(mvc.get().uri("/growth").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/metrics/growth").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
    }
}
