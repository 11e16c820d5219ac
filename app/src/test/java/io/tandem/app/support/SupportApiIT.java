package io.tandem.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * The support and happiness API on a small dataset written here, without demo data, against figures worked
 * out by hand (metrics.md sections 2 and 3). Range: January 2024, UTC; default thresholds (hard at 4 replies).
 *
 * <pre>
 * reps:      R1 Ann, R2 Bob (team North); R3 Cy (team South)
 * accounts:  A 2 seats (customers c1, c2, c4, c5), B 12 seats (c3); both pay in Jan 2024 (the horizon)
 * tickets:   week     ticket rep cust  FRT   replies tier    closed  rating
 *            2024-W01 t1     R1  c1    10    1       easy    yes     great
 *                     t2     R1  c2    30    5       hard    yes     great
 *                     t3     R2  c1    -     0       easy    no      great
 *            2024-W02 t4     R1  c1    20    4       hard    yes     not_good
 *                     t5     R2  c3    40    4       hard    yes     not_good
 *                     t6     R3  c3    60    6       hard    yes     ok
 *                     t7     R2  c2    50    1       easy    no      great
 *            2024-W03 t8     R3  c4    15    1       easy    yes     -
 * </pre>
 */
@DatasetIT
// its own context and database: RevenueApiIT's otherwise identical context holds other data
@TestPropertySource(properties = "tandem.test.dataset=support")
class SupportApiIT {

    private static final String RANGE = "from=2024-01-01&to=2024-01-31";

    @LocalServerPort
    int port;
    @Autowired
    RepLabels labels;
    private final Http.Api api = new Http.Api(() -> port);

    @BeforeAll
    void dataset(ApplicationContext context) {
        new Dataset(context).admin()
                .rep("R1", "Ann", "North", "support", null, false)
                .rep("R2", "Bob", "North", "support", null, false)
                .rep("R3", "Cy", "South", "support", null, false)
                .account("A", "A", 2, null, "2023-12-01").revenue("A", "2024-01", "2024-01", "100")
                .account("B", "B", 12, null, "2023-12-01").revenue("B", "2024-01", "2024-01", "100")
                .customer("c1", "A")
                .customer("c2", "A")
                .customer("c4", "A")
                .customer("c5", "A")
                .customer("c3", "B")
                .ticket("t1", "R1", "c1", "2024-01-02T10:00:00Z", 10, 1, true, "great")
                .ticket("t2", "R1", "c2", "2024-01-03T10:00:00Z", 30, 5, true, "great")
                .ticket("t3", "R2", "c1", "2024-01-04T10:00:00Z", null, 0, false, "great")
                .ticket("t4", "R1", "c1", "2024-01-08T10:00:00Z", 20, 4, true, "not_good")
                .ticket("t5", "R2", "c3", "2024-01-09T10:00:00Z", 40, 4, true, "not_good")
                .ticket("t6", "R3", "c3", "2024-01-10T10:00:00Z", 60, 6, true, "ok")
                .ticket("t7", "R2", "c2", "2024-01-11T10:00:00Z", 50, 1, false, "great")
                .ticket("t8", "R3", "c4", "2024-01-16T10:00:00Z", 15, 1, true, null)
                .repUser("rep-r3", "R3");
    }

    @Test
    void weeksGiveCustomersHelpedAgainstMedianAndP90WithUnansweredApart() {
        JsonNode body = api.json("/api/metrics/support/response-vs-volume?" + RANGE);
        JsonNode weeks = body.get("weeks");
        // Mon 1 Jan .. Wed 31 Jan: W01-W04 whole, W05 (29 Jan - 4 Feb) cut by the range
        assertThat(weeks).hasSize(5);
        assertThat(weeks.get(4).get("partial").asBoolean()).isTrue();
        // W01: FRT {10, 30} (t3 unanswered, apart): median 20, p90 10 + 0.9 x 20 = 28;
        // customers helped c1 (t1), c2 (t2) = 2; replies on answered tickets (1 + 5) / 2 = 3
        JsonNode w01 = weeks.get(0);
        assertThat(w01.get("week").asString()).isEqualTo("2024-W01");
        assertThat(w01.get("tickets").asLong()).isEqualTo(3);
        assertThat(w01.get("unanswered").asLong()).isEqualTo(1);
        assertThat(w01.get("customersHelped").asLong()).isEqualTo(2);
        assertThat(w01.get("medianFrtMinutes").asString()).isEqualTo("20.0");
        assertThat(w01.get("p90FrtMinutes").asString()).isEqualTo("28.0");
        assertThat(w01.get("repliesPerCustomer").decimalValue()).isEqualByComparingTo("3");
        // W02: FRT {20, 40, 50, 60}: median 45, p90 at rank 0.9 x 3 = 2.7: 50 + 0.7 x 10 = 57;
        // customers helped c1, c3 (twice), c2 = 3 people; replies (4 + 4 + 6 + 1) / 3 = 5
        JsonNode w02 = weeks.get(1);
        assertThat(w02.get("tickets").asLong()).isEqualTo(4);
        assertThat(w02.get("customersHelped").asLong()).isEqualTo(3);
        assertThat(w02.get("medianFrtMinutes").asString()).isEqualTo("45.0");
        assertThat(w02.get("p90FrtMinutes").asString()).isEqualTo("57.0");
        assertThat(w02.get("repliesPerCustomer").decimalValue()).isEqualByComparingTo("5");
        // W04: no tickets: no FRT and no replies per customer (absent, not 0)
        assertThat(weeks.get(3).get("medianFrtMinutes").isNull()).isTrue();
        assertThat(weeks.get(3).get("repliesPerCustomer").isNull()).isTrue();
        assertThat(body.get("unanswered").asLong()).isEqualTo(1);
    }

    @Test
    void elasticityIsTheSlopeOfLogMedianOnLogVolumeOverFullWeeks() {
        JsonNode e = api.json("/api/metrics/support/response-vs-volume?" + RANGE).get("elasticity");
        // full weeks with a median: (tickets, median) W01 (3, 20), W02 (4, 45), W03 (1, 15)
        // x = ln 3, ln 4, ln 1 = 1.0986, 1.3863, 0 (mean 0.8283); y = ln 20, ln 45, ln 15 (mean 3.1701)
        // Sxy = 0.6908, Sxx = 1.0705: b = 0.6453; +10% volume: 1.1^0.6453 - 1 = 0.0634
        assertThat(e.get("weeks").asLong()).isEqualTo(3);
        assertThat(e.get("slope").asDouble()).isCloseTo(0.6453, within(0.0001));
        assertThat(e.get("frtRisePer10PctVolume").asDouble()).isCloseTo(0.0634, within(0.0001));
    }

    @Test
    void repsShowCustomersHelpedMedianFrtRepliesAndHardShare() {
        JsonNode reps = api.json("/api/metrics/support/response-vs-volume?" + RANGE).get("reps");
        assertThat(reps).hasSize(3);
        // R1: t1, t2, t4; FRT {10, 20, 30}: median 20, p90 at rank 1.8: 20 + 0.8 x 10 = 28;
        // helped c1, c2 = 2; replies (1 + 5 + 4) / 2 = 5; hard t2, t4: 2 / 3
        JsonNode r1 = reps.get(0);
        assertThat(r1.get("rep").asString()).isEqualTo("R1");
        assertThat(r1.get("name").asString()).isEqualTo("Ann");
        assertThat(r1.get("tickets").asLong()).isEqualTo(3);
        assertThat(r1.get("customersHelped").asLong()).isEqualTo(2);
        assertThat(r1.get("medianFrtMinutes").asString()).isEqualTo("20.0");
        assertThat(r1.get("p90FrtMinutes").asString()).isEqualTo("28.0");
        assertThat(r1.get("repliesPerCustomer").decimalValue()).isEqualByComparingTo("5");
        assertThat(r1.get("hardShare").decimalValue()).isEqualByComparingTo("0.6666666666666667");
        // R2: t3 unanswered (c1 not helped), t5 (c3), t7 (c2): helped 2; FRT {40, 50}: median 45,
        // p90 40 + 0.9 x 10 = 49; replies on answered (4 + 1) / 2 = 2.5
        JsonNode r2 = reps.get(1);
        assertThat(r2.get("unanswered").asLong()).isEqualTo(1);
        assertThat(r2.get("customersHelped").asLong()).isEqualTo(2);
        assertThat(r2.get("medianFrtMinutes").asString()).isEqualTo("45.0");
        assertThat(r2.get("p90FrtMinutes").asString()).isEqualTo("49.0");
        assertThat(r2.get("repliesPerCustomer").decimalValue()).isEqualByComparingTo("2.5");
        // R3: FRT {15, 60}: median 37.5, p90 15 + 0.9 x 45 = 55.5
        JsonNode r3 = reps.get(2);
        assertThat(r3.get("medianFrtMinutes").asString()).isEqualTo("37.5");
        assertThat(r3.get("p90FrtMinutes").asString()).isEqualTo("55.5");
    }

    @Test
    void loadBalanceAtExactlyHalfIsNotFlagged() {
        JsonNode lb = api.json("/api/metrics/support/response-vs-volume?" + RANGE).get("loadBalance");
        // hard tickets R1 2, R2 1, R3 1; a fifth of 3 reps rounds to 1 (at least one): R1 carries 2 / 4 = 0.5,
        // which is not above 50%
        assertThat(lb.get("topFifthHardShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(lb.get("n").asLong()).isEqualTo(4);
        assertThat(lb.get("flagged").asBoolean()).isFalse();
        assertThat(lb.get("carriers").get(0).get("rep").asString()).isEqualTo("R1");
        // team North: R1 2, R2 1 hard; the busiest of 2 reps (0.4 rounds to 0, so 1) carries 2 / 3: flagged
        JsonNode north = api.json("/api/metrics/support/response-vs-volume?" + RANGE + "&team=North").get("loadBalance");
        assertThat(north.get("topFifthHardShare").decimalValue()).isEqualByComparingTo("0.6666666666666667");
        assertThat(north.get("flagged").asBoolean()).isTrue();
    }

    @Test
    void contactRateCountsCustomersOfPayingAccountsWhoOpenedATicket() {
        JsonNode body = api.json("/api/metrics/support/contact-rate?" + RANGE);
        // Jan: customers c1, c2, c4, c5 (A) and c3 (B) = 5; c1, c2, c3, c4 opened tickets: 4 / 5
        JsonNode jan = body.get("months").get(0);
        assertThat(jan.get("month").asString()).isEqualTo("2024-01");
        assertThat(jan.get("customers").asLong()).isEqualTo(5);
        assertThat(jan.get("contacted").asLong()).isEqualTo(4);
        assertThat(jan.get("rate").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(body.get("months")).hasSize(1);
        // segment 1-3 (A): 3 of 4; 4-10: no customers, no rate; 11+ (B): 1 of 1
        JsonNode segments = body.get("segments");
        assertThat(segments.get(0).get("segment").asString()).isEqualTo("1-3");
        assertThat(segments.get(0).get("months").get(0).get("rate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(segments.get(1).get("months").get(0).get("rate").isNull()).isTrue();
        assertThat(segments.get(2).get("months").get(0).get("rate").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void happinessReadsEachRepAgainstTheTeamOnTheSameMix() {
        JsonNode body = api.json("/api/metrics/support/happiness?" + RANGE);
        // team: 4 great, 1 ok, 2 not good of 7: (4 - 2) / 7 = 28.571 points
        JsonNode team = body.get("team");
        assertThat(team.get("n").asLong()).isEqualTo(7);
        assertThat(team.get("score").asDouble()).isCloseTo(28.5714, within(0.0001));
        // rating rate: closed in Jan t1, t2, t4, t5, t6, t8 = 6; rated among them 5 (t8 is not): 5 / 6
        assertThat(team.get("ratingRate").decimalValue()).isEqualByComparingTo("0.8333333333333333");
        assertThat(team.get("low").asDouble()).isLessThan(28.5714);
        assertThat(team.get("high").asDouble()).isGreaterThan(28.5714);
        // tiers: easy t1, t3, t7 all great: 100; hard t2 great, t4, t5 not good, t6 ok: (1 - 2) / 4 = -25
        JsonNode tiers = body.get("tiers");
        assertThat(tiers.get(0).get("tier").asString()).isEqualTo("easy");
        assertThat(tiers.get(0).get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(tiers.get(1).get("n").asLong()).isZero();
        assertThat(tiers.get(1).get("score").isNull()).isTrue();
        assertThat(tiers.get(2).get("score").decimalValue()).isEqualByComparingTo("-25");
        JsonNode reps = body.get("reps");
        // R1: t1 easy great, t2 hard great, t4 hard not good: (2 - 1) / 3 = 33.33;
        // expected (1 x 100 + 2 x -25) / 3 = 16.67; gap +16.67; hard share 2 / 3
        assertRep(reps.get(0), "R1", 33.3333, 16.6667, 16.6667, 3);
        assertThat(reps.get(0).get("hardShare").asDouble()).isCloseTo(0.6667, within(0.0001));
        // R2: t3, t7 easy great, t5 hard not good: 33.33; expected (2 x 100 - 25) / 3 = 58.33; gap -25
        assertRep(reps.get(1), "R2", 33.3333, 58.3333, -25, 3);
        // R3 only hard (t6 ok): raw 0, below the team's 28.6, yet expected -25: gap +25
        assertRep(reps.get(2), "R3", 0, -25, 25, 1);
        assertThat(reps.get(2).get("hardShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(reps.get(2).get("lowSample").asBoolean()).isTrue();
        assertThat(reps.get(2).get("low")).isNotNull();
    }

    @Test
    void ticketsBehindAWeekComeAPageAtATime() {
        JsonNode page = api.json("/api/metrics/support/tickets?week=2024-W02&limit=2&offset=2&" + RANGE);
        // W02: t4, t5, t6, t7 oldest first; the second page of two is t6, t7
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("tickets")).hasSize(2);
        assertThat(page.get("tickets").get(0).get("externalId").asString()).isEqualTo("t6");
        assertThat(page.get("tickets").get(0).get("firstResponseMinutes").asString()).isEqualTo("60.0");
        assertThat(page.get("tickets").get(0).get("tier").asString()).isEqualTo("hard");
        assertThat(page.get("tickets").get(1).get("externalId").asString()).isEqualTo("t7");
        // R2's tickets: t3 unanswered has no first response (absent, not 0)
        JsonNode r2 = api.json("/api/metrics/support/tickets?rep=R2&" + RANGE).get("tickets");
        assertThat(r2).hasSize(3);
        assertThat(r2.get(0).get("externalId").asString()).isEqualTo("t3");
        assertThat(r2.get(0).get("firstResponseMinutes").isNull()).isTrue();
        String csv = api.send("/api/metrics/support/tickets.csv?rep=R2&" + RANGE, TestUsers.ADMIN, "*/*").body();
        assertThat(csv).startsWith("externalId,openedAt,firstResponseMinutes,replies,tier,rep,customer\r\n")
                .contains("t3,2024-01-04T10:00Z,,0,easy,R2,c1");
        assertThat(csv.lines().count()).isEqualTo(4);
    }

    @Test
    void aRepSeesOtherRepsWithoutNamesAndOnlyTheirOwnTicketsByRep() {
        JsonNode reps = api.json("/api/metrics/support/response-vs-volume?" + RANGE, "rep-r3").get("reps");
        assertThat(reps.get(0).get("rep").asString()).isEqualTo(labels.labelOf("R1"));
        assertThat(reps.get(0).get("name").isNull()).isTrue();
        assertThat(reps.get(1).get("rep").asString()).isEqualTo(labels.labelOf("R2"));
        assertThat(reps.get(2).get("rep").asString()).isEqualTo("R3");
        assertThat(reps.get(2).get("name").asString()).isEqualTo("Cy");
        JsonNode carriers = api.json("/api/metrics/support/response-vs-volume?" + RANGE, "rep-r3")
                .get("loadBalance").get("carriers");
        assertThat(carriers.get(0).get("rep").asString()).isEqualTo(labels.labelOf("R1"));
        JsonNode happiness = api.json("/api/metrics/support/happiness?" + RANGE, "rep-r3").get("reps");
        assertThat(happiness.get(1).get("rep").asString()).isEqualTo(labels.labelOf("R2"));
        assertThat(happiness.get(1).get("name").isNull()).isTrue();
        // a week's tickets show the others by their labels
        JsonNode week = api.json("/api/metrics/support/tickets?week=2024-W02&" + RANGE, "rep-r3").get("tickets");
        assertThat(week.get(0).get("rep").asString()).isEqualTo(labels.labelOf("R1"));
        assertThat(week.get(2).get("rep").asString()).isEqualTo("R3");
        // picking out another rep's tickets is refused
        HttpResponse<String> other = api.send("/api/metrics/support/tickets?rep=R1&" + RANGE, "rep-r3", "application/json");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(api.json("/api/metrics/support/tickets?rep=R3&" + RANGE, "rep-r3").get("total").asLong()).isEqualTo(2);
        for (String path : new String[] {"/api/metrics/support/response-vs-volume/reps.csv",
                "/api/metrics/support/happiness.csv", "/api/metrics/support/tickets.csv?week=2024-W02&"}) {
            String csv = api.send(path + (path.contains("?") ? "" : "?") + RANGE, "rep-r3", "*/*").body();
            assertThat(csv).as(path).contains(labels.labelOf("R1")).doesNotContain("R1").doesNotContain("Ann");
        }
    }

    @Test
    void everyTableIsAlsoCsv() {
        HttpResponse<String> weeks = api.send("/api/metrics/support/response-vs-volume?" + RANGE, TestUsers.ADMIN,
                "text/csv");
        assertThat(weeks.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(weeks.body()).startsWith("week,startsOn,partial,customersHelped,tickets,medianFrtMinutes,")
                .contains("2024-W01,2024-01-01,false,2,3,20.0,28.0,")
                // an empty week has empty cells, not 0
                .contains("2024-W04,2024-01-22,false,0,0,,,,,0");
        assertThat(api.send("/api/metrics/support/contact-rate.csv?" + RANGE, TestUsers.ADMIN, "*/*").body())
                .contains("2024-01,all,5,4,0.8,true");
        assertThat(api.send("/api/metrics/support/happiness.csv?" + RANGE, TestUsers.ADMIN, "*/*").body())
                .startsWith("rep,name,score,expected,gap,hardShare,hardRated,n,low,high,lowSample\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/metrics/support/response-vs-volume?from=2024-02-30 | from",
            "/api/metrics/support/happiness?team=Nowhere | team",
            "/api/metrics/support/contact-rate?segment=2-5 | segment",
            "/api/metrics/support/tickets?week=2024-12 | week",
            "/api/metrics/support/tickets?week=2024-W02&limit=0 | limit",
            "/api/metrics/support/tickets?week=2024-W02&offset=-1 | offset",
            "/api/metrics/support/tickets?week=2024-W02&limit=x | limit"})
    void badParametersAreProblemsNamingTheParameter(String path, String parameter) {
        HttpResponse<String> response = api.send(path, TestUsers.ADMIN, "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(Http.json(response.body()).get("detail").asString()).contains("'" + parameter + "'");
    }

    private static void assertRep(JsonNode r, String rep, double score, double expected, double gap, long n) {
        assertThat(r.get("rep").asString()).isEqualTo(rep);
        assertThat(r.get("score").asDouble()).isCloseTo(score, within(0.0001));
        assertThat(r.get("expected").asDouble()).isCloseTo(expected, within(0.0001));
        assertThat(r.get("gap").asDouble()).isCloseTo(gap, within(0.0001));
        assertThat(r.get("n").asLong()).isEqualTo(n);
    }
}
