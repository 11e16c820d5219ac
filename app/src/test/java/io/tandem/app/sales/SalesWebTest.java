package io.tandem.app.sales;

import static io.tandem.app.security.WebSliceSecurity.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import io.tandem.app.sales.SalesBody.RepLine;
import io.tandem.app.sales.SalesBody.SupportSourced;
import io.tandem.app.web.WebSliceTest;
import io.tandem.metrics.sales.SalesQualityQuery.Commission;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebSliceTest({SalesController.class, SalesApiController.class})
class SalesWebTest {

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    SalesReport report;

    @BeforeEach
    void smallReport() {
        BigDecimal zero = new BigDecimal("0.00");
        RepLine nobody = new RepLine(null, null, null, null, 0, zero, 0, 0, zero, 0, zero, null, true,
                new Commission(zero, zero, zero));
        given(report.sales(any(), any())).willReturn(new SalesBody("USD", new BigDecimal("0.10"), List.of(), nobody,
                new SupportSourced(0, 0, zero, zero, null, 20, List.of())));
        given(report.page()).willCallRealMethod();
        given(report.tables()).willCallRealMethod();
        given(report.table(any(), any(), any())).willCallRealMethod();
        given(report.cards()).willCallRealMethod();
        given(report.card(any(), any(), any())).willCallRealMethod();
    }

    @Test
    void managerSeesThePageEvenWithoutDeals() {
        assertThat(mvc.get().uri("/sales").with(manager()))
                .hasStatusOk()
                .hasViewName("sales/sales")
                .model().containsKeys("filter", "hasData").doesNotContainKeys("sales")
                // the commission card's definition names the rate of the settings while the card loads
                .containsEntry("commissionRate", new BigDecimal("0.10"));
        assertThat(mvc.get().uri("/sales/cards/total-commission").with(manager()))
                .hasStatusOk()
                .bodyText().contains("id=\"total-commission\"", "10.0%");
    }

    @Test
    void unknownTableIs404AndABadRangeIs400NamingTheParameter() {
        assertThat(mvc.get().uri("/sales/deals.csv").with(manager()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().isEqualTo("There is no table 'deals'; tables: reps, support-sourced.");
        assertThat(mvc.get().uri("/api/metrics/sales/quality?range=5y").with(manager()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("'range'");
    }
}
