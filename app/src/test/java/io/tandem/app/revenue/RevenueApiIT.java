package io.tandem.app.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Dataset;
import io.tandem.app.DatasetIT;
import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import io.tandem.app.web.RepLabels;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The metrics API on a small dataset written here, without demo data, against figures worked out by
 * hand (metrics.md sections 1, 5 and 7). The reporting horizon is June 2024, the last revenue month.
 *
 * <pre>
 * reps:     S1 sales, team North, 120,000/yr, high touch;  S2 sales, team South, 60,000/yr, high touch;
 *           U1 support, team North, 48,000/yr
 * accounts: A  2 seats, owner S1: 100 Jan-Jun 2024
 *           B  2 seats, owner S1: 50 Jan, Feb, (Mar 0), Apr, May, (Jun 0)
 *           C 12 seats, owner S2: 200 Mar, 300 Apr, 300 May, 250 Jun
 *           D no seats, no owner: 100 Jun 2023 - May 2024, 120 Jun 2024 (name starts with "=")
 * MRR:      Jan 250, Feb 250, Mar 400, Apr 550, May 550, Jun 470
 * </pre>
 */
@DatasetIT
// its own context and database: each hand-made dataset names itself here
@TestPropertySource(properties = "tandem.test.dataset=revenue")
class RevenueApiIT {

    private static final String RANGE = "from=2024-01-01&to=2024-06-30";

    @LocalServerPort
    int port;
    @Autowired
    RepLabels labels;
    private final Http.Api api = new Http.Api(() -> port);

    @BeforeAll
    void dataset(ApplicationContext context) {
        new Dataset(context).admin()
                .rep("S1", "Rep S1 Name", "North", "sales", "120000", true)
                .rep("S2", "Rep S2 Name", "South", "sales", "60000", true)
                .rep("U1", "Rep U1 Name", "North", "support", "48000", false)
                .account("A", "Alpha", 2, "S1", "2024-01-15")
                .account("B", "Beta", 2, "S1", "2024-01-20")
                .account("C", "Gamma", 12, "S2", "2024-03-03")
                .account("D", "=SUM(1+1)", null, null, "2023-06-01")
                .revenue("A", "2024-01", "2024-06", "100")
                .revenue("B", "2024-01", "2024-02", "50")
                .revenue("B", "2024-04", "2024-05", "50")
                .revenue("C", "2024-03", "2024-03", "200")
                .revenue("C", "2024-04", "2024-05", "300")
                .revenue("C", "2024-06", "2024-06", "250")
                .revenue("D", "2023-06", "2024-05", "100")
                .revenue("D", "2024-06", "2024-06", "120")
                .repUser("rep-s2", "S2");
    }

    @Test
    void movementsAreTheMonthToMonthChangesOfEachAccount() {
        JsonNode months = api.json("/api/metrics/revenue/movements?" + RANGE).get("months");
        assertThat(months).hasSize(6);
        // Jan: A and B new (100 + 50); D unchanged at 100
        assertMonth(months.get(0), "2024-01", "250.00", "150.00", "0.00", "0.00", "0.00", "0.00", "150.00");
        assertMonth(months.get(1), "2024-02", "250.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        // Mar: B churns (-50), C new (200): 150
        assertMonth(months.get(2), "2024-03", "400.00", "200.00", "0.00", "0.00", "-50.00", "0.00", "150.00");
        // Apr: B back (reactivation 50), C 200 -> 300 (expansion 100): 150
        assertMonth(months.get(3), "2024-04", "550.00", "0.00", "100.00", "0.00", "0.00", "50.00", "150.00");
        // Jun: B churns (-50), C 300 -> 250 (contraction -50), D 100 -> 120 (expansion 20): -80
        assertMonth(months.get(5), "2024-06", "470.00", "0.00", "20.00", "-50.00", "-50.00", "0.00", "-80.00");
    }

    @Test
    void theTeamFilterKeepsTheAccountsOfTheTeamsReps() {
        // North owns A and B: Mar only B's churn
        JsonNode mar = api.json("/api/metrics/revenue/movements?" + RANGE + "&team=North").get("months").get(2);
        assertThat(mar.get("mrr").asString()).isEqualTo("100.00");
        assertThat(mar.get("netNew").asString()).isEqualTo("-50.00");
    }

    @Test
    void logoChurnIsChurnedOverActiveAtTheStart() {
        JsonNode body = api.json("/api/metrics/retention/churn?" + RANGE);
        JsonNode months = body.get("months");
        // Jan: only D active in Dec: 0 of 1
        assertChurn(months.get(0), 1, 0, "0");
        // Mar: A, B, D active in Feb; B churns: 1 / 3
        assertChurn(months.get(2), 3, 1, "0.3333333333333333");
        // Jun: A, B, C, D active in May; B churns: 1 / 4
        assertChurn(months.get(5), 4, 1, "0.25");
        assertThat(months.get(5).get("lowSample").asBoolean()).isTrue();
        // trailing 12 at Jun: D at risk Jul-Dec 2023 (6) + 1 + 3 + 3 + 3 + 4 + 4 = 24 account-months,
        // 2 churned: 2 / (24 / 12) = 1.0 (an annual rate)
        assertThat(body.get("trailing12N").asLong()).isEqualTo(24);
        assertThat(body.get("trailing12Rate").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void cohortsDefaultToAllHistoryAndStopAtTheHorizon() {
        JsonNode cohorts = api.json("/api/metrics/retention/cohorts").get("cohorts");
        assertThat(cohorts).hasSize(3);
        // D's cohort Jun 2023: 13 cells up to Jun 2024, all 1
        assertThat(cohorts.get(0).get("cohort").asString()).isEqualTo("2023-06");
        assertThat(cohorts.get(0).get("retention")).hasSize(13);
        // Jan 2024 (A, B): Mar and Jun only A is active: 1/2
        JsonNode jan = cohorts.get(1);
        assertThat(jan.get("size").asLong()).isEqualTo(2);
        assertThat(jan.get("retention").toString()).isEqualTo("[1,1,0.5,1,1,0.5]");
        // Mar 2024 (C): four months to the horizon; later cells are absent, not 0
        assertThat(cohorts.get(2).get("retention").toString()).isEqualTo("[1,1,1,1]");
        // with a range, only the cohorts that started in it
        assertThat(api.json("/api/metrics/retention/cohorts?" + RANGE).get("cohorts")).hasSize(2);
    }

    @Test
    void aCohortCellListsItsAccounts() {
        // cell (Jan 2024, age 2) = March: A paying 100, B at 0
        JsonNode cell = api.json("/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=2");
        assertThat(cell.get("month").asString()).isEqualTo("2024-03");
        assertThat(cell.get("size").asLong()).isEqualTo(2);
        assertThat(cell.get("active").asLong()).isEqualTo(1);
        JsonNode accounts = cell.get("accounts");
        assertThat(accounts.get(0).get("externalId").asString()).isEqualTo("A");
        assertThat(accounts.get(0).get("name").asString()).isEqualTo("Alpha");
        assertThat(accounts.get(0).get("mrr").asString()).isEqualTo("100.00");
        assertThat(accounts.get(0).get("segment").asString()).isEqualTo("1-3");
        assertThat(accounts.get(1).get("active").asBoolean()).isFalse();
        assertThat(cell.get("limit").asInt()).isEqualTo(100);
        assertThat(cell.get("offset").asLong()).isZero();
    }

    @Test
    void aCohortCellIsPagedWithTheTotalsOfTheWholeCell() {
        // the same cell, one account a page: B (not paying) on the second page, size and active unchanged
        JsonNode second = api.json("/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=2&limit=1&offset=1");
        assertThat(second.get("accounts")).hasSize(1);
        assertThat(second.get("accounts").get(0).get("externalId").asString()).isEqualTo("B");
        assertThat(second.get("size").asLong()).isEqualTo(2);
        assertThat(second.get("active").asLong()).isEqualTo(1);
        assertThat(second.get("offset").asLong()).isEqualTo(1);
        // the CSV holds the whole cell whatever the page
        String csv = api.send("/api/metrics/retention/cohorts/accounts.csv?cohort=2024-01&age=2&limit=1", TestUsers.ADMIN,
                "text/csv").body();
        assertThat(csv.lines().count()).isEqualTo(3);
    }

    @Test
    void nrrAndGrrCompareWithTwelveMonthsEarlier() {
        JsonNode months = api.json("/api/metrics/revenue/retention?" + RANGE).get("months");
        // Jan-May 2024: nobody was active 12 months earlier (D starts Jun 2023): no value, n = 0
        assertThat(months.get(0).get("nrr").isNull()).isTrue();
        assertThat(months.get(0).get("n").asLong()).isZero();
        // Jun 2024: D 100 -> 120: NRR 120 / 100 = 1.2; GRR caps 120 at 100: 1.0; n = 1
        JsonNode jun = months.get(5);
        assertThat(jun.get("nrr").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(jun.get("grr").decimalValue()).isEqualByComparingTo("1");
        assertThat(jun.get("n").asLong()).isEqualTo(1);
    }

    @Test
    void arpuByAgeFollowsSurvivorsAndRevenuePerStartingAccountCarriesChurn() {
        JsonNode ages = api.json("/api/metrics/revenue/arpu-by-age?" + RANGE).get("ages");
        // cohorts Jan (A, B) and Mar (C)
        // age 0: 100 + 50 + 200 = 350 over 3 survivors and 3 starters: 116.67
        assertAge(ages.get(0), 3, "116.67", "116.67");
        // age 2: A 100 (Mar), B 0, C 300 (May): 400 / 2 survivors = 200; / 3 starters = 133.33
        assertAge(ages.get(2), 2, "200.00", "133.33");
        // age 4: Mar + 4 = Jul is after the horizon, so only the Jan cohort: A 100 + B 50 (May) over 2
        assertAge(ages.get(4), 2, "75.00", "75.00");
        // age 5: A 100 (Jun), B 0: 100 / 1 survivor; 100 / 2 starters = 50
        assertAge(ages.get(5), 1, "100.00", "50.00");
        // age 6: no cohort is old enough: no value
        assertThat(ages.get(6).get("arpu").isNull()).isTrue();
        assertThat(ages.get(6).get("revenuePerStartingAccount").isNull()).isTrue();
    }

    @Test
    void segmentsShowTheEvidenceBesideTheSuggestedTouchModel() {
        JsonNode segments = api.json("/api/metrics/segments?" + RANGE).get("segments");
        assertThat(segments).hasSize(4);
        JsonNode small = segments.get(0);
        assertThat(small.get("segment").asString()).isEqualTo("1-3");
        assertThat(small.get("suggestedTouch").asString()).isEqualTo("low-touch");
        // A at risk Feb-Jun (5), B Feb, Mar, May, Jun (4): 9 account-months; B churned twice: 2 / 9
        assertThat(small.get("churnN").asLong()).isEqualTo(9);
        assertThat(small.get("churnRate").decimalValue()).isEqualByComparingTo("0.2222222222222222");
        // Jun: only A (100) active
        assertThat(small.get("activeAccounts").asLong()).isEqualTo(1);
        assertThat(small.get("arpa").asString()).isEqualTo("100.00");
        assertThat(segments.get(1).get("activeAccounts").asLong()).isZero();
        assertThat(segments.get(2).get("suggestedTouch").asString()).isEqualTo("high-touch");
        assertThat(segments.get(2).get("arpa").asString()).isEqualTo("250.00");
        // unknown (D): NRR 120 / 100; no suggestion
        JsonNode unknown = segments.get(3);
        assertThat(unknown.get("segment").asString()).isEqualTo("unknown");
        assertThat(unknown.get("nrr").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(unknown.get("suggestedTouch").isNull()).isTrue();
    }

    @Test
    void growthFiguresFollowSectionFive() {
        JsonNode g = api.json("/api/metrics/growth?" + RANGE);
        // ARPA Jun: 470 / 3 = 156.67
        assertThat(g.get("arpa").asString()).isEqualTo("156.67");
        assertThat(g.get("grossMargin").decimalValue()).isEqualByComparingTo("0.8");
        // monthly churn: 2 churned / 24 account-months
        assertThat(g.get("monthlyChurnN").asLong()).isEqualTo(24);
        // LTV = (470 / 3) x 0.8 / (2 / 24) = 1504
        assertThat(g.get("ltv").asString()).isEqualTo("1504.00");
        // CAC = sales (120,000 + 60,000) / 12 x 6 months / 3 new accounts (A, B, C) = 30,000
        assertThat(g.get("cac").asString()).isEqualTo("30000.00");
        assertThat(g.get("newAccounts").asLong()).isEqualTo(3);
        // payback = 30,000 / (156.667 x 0.8) = 239.36 months; LTV:CAC = 1504 / 30000 = 0.05
        assertThat(g.get("cacPaybackMonths").asString()).isEqualTo("239.36");
        assertThat(g.get("ltvToCac").asString()).isEqualTo("0.05");
        // support: 48,000 / 12 / 3 active accounts = 1333.33
        assertThat(g.get("supportCostPerAccount").asString()).isEqualTo("1333.33");
        // S1 owns A (100) and B (0 in Jun): ARR 1,200 per 1.2 x 100k = 1,000;
        // S2 owns C (250): ARR 3,000 per 0.6 x 100k = 5,000
        JsonNode highTouch = g.get("highTouch");
        assertThat(highTouch.get(0).get("rep").asString()).isEqualTo("S1");
        assertThat(highTouch.get(0).get("arrPer100kCost").asString()).isEqualTo("1000.00");
        assertThat(highTouch.get(1).get("arrPer100kCost").asString()).isEqualTo("5000.00");
        assertThat(highTouch.get(1).get("meetsTarget").asBoolean()).isFalse();
    }

    @Test
    void aRepSeesOtherRepsInTheHighTouchTableWithoutTheirNames() {
        JsonNode highTouch = api.json("/api/metrics/growth?" + RANGE, "rep-s2").get("highTouch");
        assertThat(highTouch.get(0).get("rep").asString()).isEqualTo(labels.labelOf("S1"));
        assertThat(highTouch.get(0).get("name").isNull()).isTrue();
        assertThat(highTouch.get(0).get("annualCost").isNull()).isTrue();
        assertThat(highTouch.get(1).get("rep").asString()).isEqualTo("S2");
        String csv = api.send("/api/metrics/growth/high-touch.csv?" + RANGE, "rep-s2", "*/*").body();
        assertThat(csv).contains(labels.labelOf("S1") + ",,1200.00,,1000.00,false").doesNotContain("S1");
    }

    @Test
    void leadingIndicatorsHaveNoValueWithoutTickets() {
        JsonNode indicators = api.json("/api/metrics/retention/leading-indicators").get("indicators");
        assertThat(indicators).hasSize(5);
        assertThat(indicators.get(0).get("name").asString()).isEqualTo("retention-after-bad-experience");
        assertThat(indicators.get(0).get("cohort").get("n").asLong()).isZero();
        assertThat(indicators.get(0).get("cohort").get("rate").isNull()).isTrue();
    }

    @Test
    void everyTableIsAlsoCsvByAcceptHeaderOrSuffixAndFormulasAreDefused() {
        HttpResponse<String> byHeader = api.send("/api/metrics/revenue/movements?" + RANGE, TestUsers.ADMIN, "text/csv");
        assertThat(byHeader.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(byHeader.body()).startsWith("month,mrr,new,expansion,contraction,churn,reactivation,netNew\r\n")
                .contains("2024-06,470.00,0.00,20.00,-50.00,-50.00,0.00,-80.00");
        HttpResponse<String> bySuffix = api.send("/api/metrics/retention/cohorts.csv", TestUsers.ADMIN, "*/*");
        // future cells are empty, not 0
        assertThat(bySuffix.body()).contains("2024-03,1,true,1,1,1,1,,,,,,,,,\r\n");
        String accounts = api.send("/api/metrics/retention/cohorts/accounts.csv?cohort=2023-06&age=12", TestUsers.ADMIN,
                "*/*").body();
        assertThat(accounts).contains("D,'=SUM(1+1),120.00,true,unknown");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/metrics/revenue/movements?from=2024-13-01 | from",
            "/api/metrics/retention/churn?from=2024-06-01&to=2024-01-31 | to",
            "/api/metrics/segments?segment=2-5 | segment",
            "/api/metrics/growth?team=Nowhere | team",
            "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=x | age",
            "/api/metrics/retention/cohorts/accounts?cohort=January&age=1 | cohort",
            "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=1&limit=0 | limit",
            "/api/metrics/retention/cohorts/accounts?cohort=2024-01&age=1&offset=-1 | offset"})
    void badParametersAreProblemsNamingTheParameter(String path, String parameter) {
        HttpResponse<String> response = api.send(path, TestUsers.ADMIN, "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(Http.json(response.body()).get("detail").asString()).contains("'" + parameter + "'");
    }

    private static void assertMonth(JsonNode m, String month, String mrr, String newMrr, String expansion,
                                    String contraction, String churn, String reactivation, String netNew) {
        assertThat(m.get("month").asString()).isEqualTo(month);
        assertThat(m.get("mrr").asString()).isEqualTo(mrr);
        assertThat(m.get("new").asString()).isEqualTo(newMrr);
        assertThat(m.get("expansion").asString()).isEqualTo(expansion);
        assertThat(m.get("contraction").asString()).isEqualTo(contraction);
        assertThat(m.get("churn").asString()).isEqualTo(churn);
        assertThat(m.get("reactivation").asString()).isEqualTo(reactivation);
        assertThat(m.get("netNew").asString()).isEqualTo(netNew);
    }

    private static void assertChurn(JsonNode m, long activeAtStart, long churned, String rate) {
        assertThat(m.get("activeAtStart").asLong()).isEqualTo(activeAtStart);
        assertThat(m.get("churned").asLong()).isEqualTo(churned);
        assertThat(m.get("n").asLong()).isEqualTo(activeAtStart);
        assertThat(m.get("rate").decimalValue()).isEqualByComparingTo(rate);
    }

    private static void assertAge(JsonNode a, long n, String arpu, String perStartingAccount) {
        assertThat(a.get("n").asLong()).isEqualTo(n);
        assertThat(a.get("arpu").asString()).isEqualTo(arpu);
        assertThat(a.get("revenuePerStartingAccount").asString()).isEqualTo(perStartingAccount);
    }
}
