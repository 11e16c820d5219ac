package io.tandem.app.sales;

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
 * The sales quality API (metrics.md section 4) on a small dataset written here, without demo data,
 * against figures worked out by hand. Commission rate 10%, time zone UTC, reporting horizon June 2024
 * (the last revenue month). The range is the first half of 2024 unless a test says otherwise.
 *
 * <pre>
 * reps:     S1 sales, team North;  S2 sales, team South
 * accounts: A  2 seats: MRR 100 Jan 2023 - Jun 2024
 *           B  2 seats: MRR 100 Jan 2023 - Dec 2023 (0 from Jan 2024)
 *           C 12 seats: MRR 100 Mar 2023 - Jun 2024
 * ticket:   T1, from a customer of C
 *
 * deal rep type       amount stage created     closed      account source    twelfth month  active then
 * d1   S1  new        100    won   -           2023-01-10  A       outbound  2024-01        yes
 * d2   S1  new        300    won   -           2023-01-12  B       outbound  2024-01        no
 * d3   S2  new         50    won   -           2023-03-05  C       inbound   2024-03        yes
 * d4   S1  new        200    won   -           2024-02-10  A       inbound   2025-02        after the horizon
 * d5   S1  new         40    won   -           2024-03-01  -       support   -              no account
 * d6   S2  expansion   60    won   2024-04-01  2024-04-15  C       (T1)      2025-04        after the horizon
 * d7   S2  new        999    lost  2024-04-20  2024-05-01  -       support
 * </pre>
 * This context has its own database, keyed by the property tandem.test.dataset.
 */
@DatasetIT
// its own context and database (see SupportApiIT): the same mechanism, one property name
@TestPropertySource(properties = "tandem.test.dataset=sales")
class SalesApiIT {

    private static final String RANGE = "from=2024-01-01&to=2024-06-30";

    @LocalServerPort
    int port;
    @Autowired
    RepLabels labels;
    private final Http.Api api = new Http.Api(() -> port);

    @BeforeAll
    void dataset(ApplicationContext context) {
        new Dataset(context).admin()
                .settings("0.10", "UTC")
                .rep("S1", "Rep S1 Name", "North", "sales", null, false)
                .rep("S2", "Rep S2 Name", "South", "sales", null, false)
                .account("A", "A", 2, null, "2023-01-01")
                .account("B", "B", 2, null, "2023-01-01")
                .account("C", "C", 12, null, "2023-01-01")
                .revenue("A", "2023-01", "2024-06", "100")
                .revenue("B", "2023-01", "2023-12", "100")
                .revenue("C", "2023-03", "2024-06", "100")
                .customer("K1", "C")
                .ticket("T1", null, "K1", "2024-03-28T09:00:00Z", null, null, false, null)
                .deal("d1", "S1", "A", "new", "100", "won", null, "2023-01-10", "outbound", null)
                .deal("d2", "S1", "B", "new", "300", "won", null, "2023-01-12", "outbound", null)
                .deal("d3", "S2", "C", "new", "50", "won", null, "2023-03-05", "inbound", null)
                .deal("d4", "S1", "A", "new", "200", "won", null, "2024-02-10", "inbound", null)
                .deal("d5", "S1", null, "new", "40", "won", null, "2024-03-01", "support", null)
                .deal("d6", "S2", "C", "expansion", "60", "won", "2024-04-01", "2024-04-15", null, "T1")
                .deal("d7", "S2", null, "new", "999", "lost", "2024-04-20", "2024-05-01", "support", null)
                .repUser("rep-s2", "S2");
    }

    @Test
    void bookingsAreSetAgainstTheBookingsStillPayingTwelveMonthsLater() {
        JsonNode body = api.json("/api/metrics/sales/quality?" + RANGE);
        JsonNode lines = body.get("reps");
        // biggest bookings first: S1 240, S2 60
        assertThat(lines).hasSize(2);
        JsonNode s1 = lines.get(0);
        assertThat(s1.get("rep").asString()).isEqualTo("S1");
        assertThat(s1.get("name").asString()).isEqualTo("Rep S1 Name");
        // booked in H1 2024: d4 200 + d5 40 (no account) = 240, two won deals, one without an account
        assertThat(s1.get("bookings").asString()).isEqualTo("240.00");
        assertThat(s1.get("wonDeals").asLong()).isEqualTo(2);
        assertThat(s1.get("dealsWithoutAccount").asLong()).isEqualTo(1);
        // mature in H1 2024 (twelfth month Jan): d1 100 (A still pays) + d2 300 (B stopped) = 400;
        // retained 100; 100 / 400 = 0.25 with n = 2, a low sample
        assertThat(s1.get("matureDeals").asLong()).isEqualTo(2);
        assertThat(s1.get("matureBookings").asString()).isEqualTo("400.00");
        assertThat(s1.get("retainedBookings").asString()).isEqualTo("100.00");
        assertThat(s1.get("bookingRetention").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(s1.get("lowSample").asBoolean()).isTrue();
        // commission on d4 and d5 at 10%: halves 10 and 2 earned at close; d4's second half waits for
        // Feb 2025 (after the horizon) and d5 has no account to check: 12 pending
        assertCommission(s1, "12.00", "12.00", "0.00");

        JsonNode s2 = lines.get(1);
        assertThat(s2.get("rep").asString()).isEqualTo("S2");
        // booked: d6 60 (the lost d7 is not a booking); mature: d3 50 (C pays in Mar 2024), all retained.
        // d6 is an expansion: never mature
        assertThat(s2.get("bookings").asString()).isEqualTo("60.00");
        assertThat(s2.get("matureDeals").asLong()).isEqualTo(1);
        assertThat(s2.get("matureBookings").asString()).isEqualTo("50.00");
        assertThat(s2.get("retainedBookings").asString()).isEqualTo("50.00");
        assertThat(s2.get("bookingRetention").decimalValue()).isEqualByComparingTo("1");
        // d6: 3 at close, 3 pending until Apr 2025
        assertCommission(s2, "3.00", "3.00", "0.00");

        // total: 300 booked; mature 450, retained 150: 1/3
        JsonNode total = body.get("total");
        assertThat(total.get("rep").isNull()).isTrue();
        assertThat(total.get("bookings").asString()).isEqualTo("300.00");
        assertThat(total.get("matureBookings").asString()).isEqualTo("450.00");
        assertThat(total.get("retainedBookings").asString()).isEqualTo("150.00");
        assertThat(total.get("bookingRetention").decimalValue()).isEqualByComparingTo("0.3333333333333333");
        assertThat(body.get("commissionRate").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(body.get("currency").asString()).isNotBlank();
    }

    @Test
    void overEighteenMonthsSecondHalvesAreEarnedOrForfeited() {
        JsonNode s1 = api.json("/api/metrics/sales/quality?from=2023-01-01&to=2024-06-30").get("reps").get(0);
        // booked: d1 100 + d2 300 + d4 200 + d5 40 = 640
        assertThat(s1.get("bookings").asString()).isEqualTo("640.00");
        // at close: 5 + 15 + 10 + 2 = 32; d1's second half earned (A pays in Jan 2024): 32 + 5 = 37;
        // d2's forfeited (B stopped): 15; d4's and d5's pending: 10 + 2 = 12
        assertCommission(s1, "37.00", "12.00", "15.00");
    }

    @Test
    void supportSourcedDealsAreCountedWithTheirShareOfAllWonAndListedWithTheirTicket() {
        JsonNode ss = api.json("/api/metrics/sales/quality?" + RANGE).get("supportSourced");
        // opened in H1 2024 from support: d5 (source support; no creation date, so its close date), d6 (names
        // T1), d7 (source support, lost): 3
        assertThat(ss.get("deals").asLong()).isEqualTo(3);
        // won in the range: d5 40 + d6 60 = 100 of all won 240 + 60 = 300: 1/3
        assertThat(ss.get("wonDeals").asLong()).isEqualTo(2);
        assertThat(ss.get("wonAmount").asString()).isEqualTo("100.00");
        assertThat(ss.get("allWonAmount").asString()).isEqualTo("300.00");
        assertThat(ss.get("share").decimalValue()).isEqualByComparingTo("0.3333333333333333");
        // newest first: d7 (opened 20 Apr), d6 (1 Apr), d5 (1 Mar)
        JsonNode list = ss.get("list");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("deal").asString()).isEqualTo("d7");
        assertThat(list.get(1).get("deal").asString()).isEqualTo("d6");
        assertThat(list.get(1).get("ticket").asString()).isEqualTo("T1");
        assertThat(list.get(1).get("account").asString()).isEqualTo("C");
        assertThat(list.get(2).get("deal").asString()).isEqualTo("d5");
        assertThat(list.get(2).get("ticket").isNull()).isTrue();
        // the separate route gives the same object
        assertThat(api.json("/api/metrics/sales/support-sourced?" + RANGE)).isEqualTo(ss);
    }

    @Test
    void theTeamFilterFollowsTheDealsOwner() {
        JsonNode body = api.json("/api/metrics/sales/quality?" + RANGE + "&team=South");
        assertThat(body.get("reps")).hasSize(1);
        assertThat(body.get("total").get("bookings").asString()).isEqualTo("60.00");
        // South's support-sourced: d6 and d7 opened; won 60 of South's 60: share 1
        JsonNode ss = body.get("supportSourced");
        assertThat(ss.get("deals").asLong()).isEqualTo(2);
        assertThat(ss.get("share").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void aRepSeesOtherRepsWithoutNamesInBothTablesAndTheCsv() {
        JsonNode body = api.json("/api/metrics/sales/quality?" + RANGE, "rep-s2");
        JsonNode s1 = body.get("reps").get(0);
        assertThat(s1.get("rep").asString()).isEqualTo(labels.labelOf("S1"));
        assertThat(s1.get("name").isNull()).isTrue();
        assertThat(s1.get("team").isNull()).isTrue();
        assertThat(s1.get("bookings").asString()).isEqualTo("240.00");
        assertThat(body.get("reps").get(1).get("rep").asString()).isEqualTo("S2");
        assertThat(body.get("reps").get(1).get("name").asString()).isEqualTo("Rep S2 Name");
        // d5 is S1's: the same alias in the list
        JsonNode list = body.get("supportSourced").get("list");
        assertThat(list.get(2).get("rep").asString()).isEqualTo(labels.labelOf("S1"));
        assertThat(list.get(2).get("repName").isNull()).isTrue();
        assertThat(list.get(0).get("rep").asString()).isEqualTo("S2");
        String csv = api.send("/api/metrics/sales/quality.csv?" + RANGE, "rep-s2", "*/*").body();
        assertThat(csv).contains(labels.labelOf("S1") + ",,,2,240.00,").doesNotContain("S1");
        String deals = api.send("/api/metrics/sales/support-sourced.csv?" + RANGE, "rep-s2", "*/*").body();
        assertThat(deals).contains("d5," + labels.labelOf("S1") + ",,,won").doesNotContain("S1");
    }

    @Test
    void eachTableIsAlsoCsv() {
        HttpResponse<String> reps = api.send("/api/metrics/sales/quality?" + RANGE, TestUsers.ADMIN, "text/csv");
        assertThat(reps.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(reps.body())
                .startsWith("rep,name,team,wonDeals,bookings,dealsWithoutAccount,matureDeals,matureBookings,"
                        + "retainedDeals,retainedBookings,bookingRetention,lowSample,commissionEarned,"
                        + "commissionPending,commissionForfeited\r\n")
                .contains("S1,Rep S1 Name,North,2,240.00,1,2,400.00,1,100.00,0.25,true,12.00,12.00,0.00\r\n")
                // the total: d1 and d3 retained of three mature deals
                .endsWith(",total,,3,300.00,1,3,450.00,2,150.00,0.3333333333333333,true,15.00,15.00,0.00\r\n");
        String deals = api.send("/api/metrics/sales/support-sourced.csv?" + RANGE, TestUsers.ADMIN, "*/*").body();
        assertThat(deals).startsWith("deal,rep,repName,account,stage,amount,createdAt,closedAt,ticket\r\n")
                .contains("d6,S2,Rep S2 Name,C,won,60.00,2024-04-01T10:00:00Z,2024-04-15T10:00:00Z,T1\r\n")
                .contains("d5,S1,Rep S1 Name,,won,40.00,,2024-03-01T10:00:00Z,\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/metrics/sales/quality?from=2024-13-01 | from",
            "/api/metrics/sales/quality?from=2024-06-01&to=2024-01-31 | to",
            "/api/metrics/sales/quality?team=Nowhere | team",
            "/api/metrics/sales/support-sourced?segment=2-5 | segment"})
    void badParametersAreProblemsNamingTheParameter(String path, String parameter) {
        HttpResponse<String> response = api.send(path, TestUsers.ADMIN, "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(Http.json(response.body()).get("detail").asString()).contains("'" + parameter + "'");
    }

    private static void assertCommission(JsonNode rep, String earned, String pending, String forfeited) {
        JsonNode c = rep.get("commission");
        assertThat(c.get("earned").asString()).isEqualTo(earned);
        assertThat(c.get("pending").asString()).isEqualTo(pending);
        assertThat(c.get("forfeited").asString()).isEqualTo(forfeited);
    }
}
