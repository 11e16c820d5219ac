package io.tandem.app.imports;

import static io.tandem.app.imports.ImportTesting.postCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, "no stale figures after an import completes": an import through the real importer updates
 * the rollups (account_month, rep_tier_month, rep_week, and issue 16's account_support_month,
 * indicator_month and frt_week) in its own transaction, so the API's next answer has the new figure and the
 * rollups equal their from-scratch definitions.
 */
@EmptyTandemIT
class RollupImportIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void empty() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
    }

    private List<String> differences() {
        return jdbc.sql("select rollup || ' ' || difference || ' ' || row_text from rollup_differences()")
                .query(String.class).list();
    }

    private String rollupMrr(String account, String month) {
        return jdbc.sql("""
                select m.mrr::text from account_month m join accounts a on a.id = m.account_id
                where a.external_id = :account and m.month = to_date(:month, 'YYYY-MM')
                """).param("account", account).param("month", month).query(String.class).single();
    }

    /** MRR of February 2024 as the revenue movements API gives it. */
    private String februaryMrr() {
        HttpResponse<String> response = Http.api(port, "GET",
                "/api/metrics/revenue/movements?from=2024-02-01&to=2024-02-29", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode months = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(response.body()).get("months");
        return months.get(0).get("mrr").asString();
    }

    @Test
    void anImportThatChangesOneAccountsRevenueShowsAtOnce() {
        // good files: A1 30 in Jan and Feb 2024, A2 360 in Feb; horizon February
        ImportTesting.importGoodFiles(port);
        assertThat(differences()).isEmpty();
        assertThat(februaryMrr()).isEqualTo("390.00");

        HttpResponse<String> upsert = postCsv(port, "revenue", "", "account,month,mrr\nA1,2024-02,45\n");
        assertThat(upsert.body()).contains("\"inserted\":0,\"updated\":1");

        assertThat(rollupMrr("A1", "2024-02")).isEqualTo("45.00");
        assertThat(februaryMrr()).isEqualTo("405.00");
        assertThat(differences()).isEmpty();

        // a new month moves the horizon: every account gets a March row
        postCsv(port, "revenue", "", "account,month,mrr\nA2,2024-03,400\n");
        assertThat(rollupMrr("A1", "2024-03")).isEqualTo("0.00");
        assertThat(differences()).isEmpty();
    }

    /** The team's happiness counts for February 2024 (a whole month: read from rep_tier_month) from the API. */
    private String februaryHappiness() {
        HttpResponse<String> response = Http.api(port, "GET",
                "/api/metrics/support/happiness?from=2024-02-01&to=2024-02-29", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode team = JsonMapper.builder().build().readTree(response.body()).get("team");
        return team.get("great") + " great, " + team.get("notGood") + " not good, n " + team.get("n");
    }

    @Test
    void aRatingsImportShowsInHappinessAtOnce() {
        // good files: ticket T1 of R1 rated great on 1 February 2024
        ImportTesting.importGoodFiles(port);
        assertThat(februaryHappiness()).isEqualTo("1 great, 0 not good, n 1");

        HttpResponse<String> upsert = postCsv(port, "ratings", "",
                "ticket,rating,rated_at,rep,comment\nT1,Not Good,2024-02-02T13:00:00Z,,\n");
        assertThat(upsert.body()).contains("\"inserted\":0,\"updated\":1");

        assertThat(februaryHappiness()).isEqualTo("0 great, 1 not good, n 1");
        assertThat(differences()).isEmpty();
    }

    /** Week 2024-W05 (Monday 29 January to Sunday 4 February, a whole week: read from rep_week) from the API. */
    private String week5Response() {
        HttpResponse<String> response = Http.api(port, "GET",
                "/api/metrics/support/response-vs-volume?from=2024-01-29&to=2024-02-04", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode week = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(response.body()).get("weeks").get(0);
        return week.get("week").asString() + ": " + week.get("tickets") + " tickets, median "
                + week.get("medianFrtMinutes").decimalValue().stripTrailingZeros().toPlainString()
                + ", unanswered " + week.get("unanswered") + ", customers " + week.get("customersHelped");
    }

    @Test
    void aTicketsImportShowsInResponseTimesAtOnce() {
        // good files: T1 of C1 answered after 30 minutes on 1 February 2024, T2 of C2 on 3 February unanswered
        ImportTesting.importGoodFiles(port);
        assertThat(week5Response()).isEqualTo("2024-W05: 2 tickets, median 30, unanswered 1, customers 1");

        // T2 answered after 10 minutes: median of {10, 30} = 20, C2 helped too
        HttpResponse<String> upsert = postCsv(port, "tickets", "", """
                external_id,customer,account,rep,channel,type,opened_at,first_response_at,closed_at,agent_replies,handle_minutes,escalated,presale
                T2,C2,,ana@x.io,chat,bug,2024-02-03T09:00:00Z,2024-02-03T09:10:00Z,,1,,,
                """);
        assertThat(upsert.body()).contains("\"inserted\":0,\"updated\":1");

        assertThat(week5Response()).isEqualTo("2024-W05: 2 tickets, median 20, unanswered 0, customers 2");
        assertThat(differences()).isEmpty();
    }

    /** Retention after a bad experience, three months on (read from indicator_month), from the API. */
    private String badExperienceAfterThreeMonths() {
        HttpResponse<String> response = Http.api(port, "GET",
                "/api/metrics/retention/leading-indicators.csv?from=2024-01-01&to=2024-05-31", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String[] row = response.body().lines().skip(1).findFirst().orElseThrow().split(",");
        // name,horizon,cohortN,cohortRetained,...,controlN,controlRetained,...
        return row[0] + " " + row[1] + ": cohort " + row[3] + " / " + row[2] + ", control " + row[8] + " / " + row[7];
    }

    @Test
    void aRatingsImportShowsInTheLeadingIndicatorsAtOnce() {
        // good files: A1 active January and February 2024, its ticket T1 rated great in February; three more
        // months of A1 move the horizon to May, so that February + 3 is observed
        ImportTesting.importGoodFiles(port);
        postCsv(port, "revenue", "", "account,month,mrr\nA1,2024-03,30\nA1,2024-04,30\nA1,2024-05,30\n");
        assertThat(badExperienceAfterThreeMonths())
                .isEqualTo("retention-after-bad-experience 3: cohort 0 / 0, control 1 / 1");

        HttpResponse<String> upsert = postCsv(port, "ratings", "",
                "ticket,rating,rated_at,rep,comment\nT1,Not Good,2024-02-02T13:00:00Z,,\n");
        assertThat(upsert.body()).contains("\"inserted\":0,\"updated\":1");

        assertThat(badExperienceAfterThreeMonths())
                .isEqualTo("retention-after-bad-experience 3: cohort 1 / 1, control 0 / 0");
        assertThat(differences()).isEmpty();
    }

    /** Contact rate in February 2024, all segments (read from contact_month), from the API. */
    private String februaryContacts() {
        HttpResponse<String> response = Http.api(port, "GET",
                "/api/metrics/support/contact-rate.csv?from=2024-02-01&to=2024-02-29", null, null,
                TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // month,segment,customers,contacted,rate,lowSample
        String[] row = response.body().lines().skip(1).findFirst().orElseThrow().split(",");
        return row[0] + " " + row[1] + ": " + row[3] + " of " + row[2];
    }

    @Test
    void aCustomersImportShowsInTheContactRateAtOnce() {
        // good files: in February A1 (customer C1) and A2 (C2) are active; C1 opened T1, C2 opened T2
        ImportTesting.importGoodFiles(port);
        assertThat(februaryContacts()).isEqualTo("2024-02 all: 2 of 2");

        // a new customer of A2 who joined in February, without a ticket
        HttpResponse<String> upsert = postCsv(port, "customers", "",
                "external_id,account,name,email,created_at\nC4,A2,Flo,flo@bolt.io,2024-02-10\n");
        assertThat(upsert.body()).contains("\"inserted\":1,\"updated\":0");

        assertThat(februaryContacts()).isEqualTo("2024-02 all: 2 of 3");
        assertThat(differences()).isEmpty();
    }
}
