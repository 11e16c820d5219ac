package io.tandem.app.imports;

import static io.tandem.app.imports.ImportTesting.digest;
import static io.tandem.app.imports.ImportTesting.post;
import static io.tandem.app.imports.ImportTesting.postCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The holes a hostile test found in imports (issue 14) that are not a single bad file: content
 * negotiation before anything is written, the order of a zip's files, quoting in lenient mode,
 * stored values that an update must respect. Single bad files are in {@link BadInputBatteryIT}.
 */
@EmptyTandemIT
class HostileImportIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void baseCompany() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
        ImportTesting.importGoodFiles(port);
    }

    private HttpResponse<String> call(String method, String path, String accept, byte[] body) {
        return Http.api(port, method, path, accept, body == null ? null : "text/csv", body, TestUsers.ADMIN,
                TestUsers.PASSWORD);
    }

    @Test
    void anImportAskedToAnswerCsvIsRefusedWith406BeforeAnythingIsWritten() {
        String before = digest(jdbc);

        HttpResponse<String> response = call("POST", "/api/imports/reps", "text/csv",
                "external_id,name,team,role\nR77,Seven,Support,support\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
        assertThat(response.body()).contains("application/json", "text/csv");
        assertThat(digest(jdbc)).as("nothing written").isEqualTo(before);
    }

    @ParameterizedTest(name = "GET {0} with Accept: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/me                                      | application/xml
            /api/me                                      | text/csv
            /api/metrics/reps/R1/scorecard               | text/csv
            /api/metrics/reps/R1/scorecard               | application/xml
            /api/metrics/support/response-vs-volume      | application/xml
            /api/metrics/support/response-vs-volume      | image/png
            """)
    void anUnsupportedAcceptIs406NeverA500(String path, String accept) {
        HttpResponse<String> response = call("GET", path, accept, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void csvIsAnsweredWhereTheApiHasACsvTwinAndJsonEverywhere() {
        assertThat(call("GET", "/api/metrics/support/response-vs-volume", "text/csv", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/exports/reps", "text/csv", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/me", "application/json, text/plain;q=0.5", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/me", "*/*", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/me", "text/*, application/*;q=0.1", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/me", "not a media type", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aDryRunThatIsNeitherTrueNorFalseNamesTheParameter() {
        HttpResponse<String> response = postCsv(port, "reps", "dryRun=maybe", "external_id,name,team,role\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Parameter 'dryRun' must be true or false, not 'maybe'");
    }

    @Test
    void filesKnownOnlyByTheirHeaderAreImportedInDependencyOrder() throws IOException {
        byte[] zip = zip(
                "a.csv", "external_id,customer,opened_at\nT77,C77,2024-03-01T10:00:00Z\n",
                "b.csv", "external_id,account,name,email\nC77,A1,Carla,carla@example.com\n");

        HttpResponse<String> response = post(port, "zip", "", "application/zip", zip);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from tickets t join customers c on c.id = t.customer_id"
                + " where t.external_id = 'T77' and c.external_id = 'C77'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpensAndTheRowsAfterItAreStillRead() {
        // line 3 opens a quote that nothing closes; a plain CSV reader reads lines 3-5 as one field
        String csv = """
                external_id,name,team,role
                R71,Una,Support,support
                R72,"Vic,Support,support
                R73,Wen,Support,support
                R74,Xia,Support,support
                """;

        HttpResponse<String> response = postCsv(port, "reps", "mode=lenient", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"rows\":4", "\"inserted\":3", "\"rejected\":1",
                "{\"line\":3,\"column\":\"name\",\"value\":\"Vic,Support,support\",\"message\":\"opens a quote");
        assertThat(jdbc.sql("select string_agg(external_id, ',' order by external_id) from reps where external_id like 'R7%'")
                .query(String.class).single()).isEqualTo("R71,R73,R74");
    }

    @Test
    void aLineHoldingOnlyAQuoteIsARejectedRowNotABlankLine() {
        String csv = "external_id,name,team,role\nR71,Una,Support,support\n\"\nR73,Wen,Support,support\n";

        HttpResponse<String> response = postCsv(port, "reps", "mode=lenient", csv);

        assertThat(response.body()).contains("\"rows\":3", "\"rejected\":1", "{\"line\":3,");
        assertThat(jdbc.sql("select count(*) from reps where external_id in ('R71', 'R73')").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aDealsUpdateWithoutCreatedAtMustStillCloseAfterTheStoredCreatedAt() {
        postCsv(port, "deals", "", "external_id,rep,type,amount,stage,created_at\nD77,R2,new,100,open,2024-05-01T00:00:00Z\n");
        String before = digest(jdbc);

        HttpResponse<String> response = postCsv(port, "deals", "",
                "external_id,rep,type,amount,stage,closed_at\nD77,R2,new,100,won,2024-04-01T00:00:00Z\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("{\"line\":2,\"column\":\"closed_at\",\"value\":\"2024-04-01T00:00:00Z\","
                + "\"message\":\"is before created_at as stored in Tandem (2024-05-01T00:00:00Z)");
        assertThat(digest(jdbc)).isEqualTo(before);
    }

    @Test
    void aTicketsUpdateMayNotOpenAfterItsStoredClose() {
        String before = digest(jdbc);
        String ticket = jdbc.sql("select external_id from tickets where closed_at is not null order by external_id limit 1")
                .query(String.class).single();
        String customer = jdbc.sql("select c.external_id from tickets t join customers c on c.id = t.customer_id"
                + " where t.external_id = :t").param("t", ticket).query(String.class).single();

        HttpResponse<String> response = postCsv(port, "tickets", "",
                "external_id,customer,opened_at\n" + ticket + "," + customer + ",2999-01-01T00:00:00Z\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"column\":\"opened_at\"", "is after closed_at as stored in Tandem");
        assertThat(digest(jdbc)).isEqualTo(before);
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
