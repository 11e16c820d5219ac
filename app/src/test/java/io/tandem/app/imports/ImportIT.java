package io.tandem.app.imports;

import static io.tandem.app.imports.ImportTesting.digest;
import static io.tandem.app.imports.ImportTesting.post;
import static io.tandem.app.imports.ImportTesting.postCsv;
import static io.tandem.app.imports.ImportTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Import behaviour a new admin relies on, through the HTTP API on a real PostgreSQL. */
@EmptyTandemIT
class ImportIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void empty() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyRowIsAccountedForAndTheSameFileTwiceChangesNothing() {
        HttpResponse<String> first = post(port, "reps", "", "text/csv", resource("good/reps.csv"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"rows\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":0");
        ImportTesting.importGoodFiles(port);
        String before = digest(jdbc);

        HttpResponse<String> again = post(port, "tickets", "", "text/csv", resource("good/tickets.csv"));

        assertThat(again.body()).contains("\"rows\":2,\"inserted\":0,\"updated\":0,\"unchanged\":2,\"rejected\":0");
        assertThat(digest(jdbc)).isEqualTo(before);
    }

    @Test
    void aChangedRowIsUpdatedAndEqualValuesCountAsUnchanged() {
        ImportTesting.importGoodFiles(port);
        // R1: new name; R2: the same values written differently (email case, 90000.00 for 90000)
        String csv = """
                external_id,name,email,team,role,annual_cost,high_touch,active
                R1,Ana Silva-Lopez,ana@x.io,Support,support,60000,false,true
                R2,Ben Okafor,BEN@X.IO,Sales,sales,90000.00,no,yes
                """;

        HttpResponse<String> response = postCsv(port, "reps", "", csv);

        assertThat(response.body()).contains("\"inserted\":0,\"updated\":1,\"unchanged\":1,\"rejected\":0");
        assertThat(jdbc.sql("select name from reps where external_id = 'R1'").query(String.class).single())
                .isEqualTo("Ana Silva-Lopez");
    }

    @Test
    void columnsMissingFromTheFileKeepTheirStoredValues() {
        ImportTesting.importGoodFiles(port);

        postCsv(port, "reps", "", "external_id,name,team,role\nR1,Ana S.,Support,support\n");

        assertThat(jdbc.sql("select email || ' ' || annual_cost from reps where external_id = 'R1'")
                .query(String.class).single()).isEqualTo("ana@x.io 60000.00");
    }

    @Test
    void strictWritesNothingWhileLenientWritesTheValidRows() {
        ImportTesting.importGoodFiles(port);
        String before = digest(jdbc);
        String csv = "external_id,name,team,role\nR3,Cai,Support,support\nR4,Dev,Support,janitor\nR5,Eli,Sales,sales\n";

        HttpResponse<String> strict = postCsv(port, "reps", "mode=strict", csv);
        assertThat(strict.statusCode()).isEqualTo(422);
        assertThat(strict.body()).contains("\"inserted\":2", "\"rejected\":1", "\"written\":false");
        assertThat(digest(jdbc)).isEqualTo(before);

        HttpResponse<String> lenient = postCsv(port, "reps", "mode=lenient", csv);
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(lenient.body()).contains("\"inserted\":2", "\"rejected\":1", "\"written\":true",
                "{\"line\":3,\"column\":\"role\",\"value\":\"janitor\"");
        assertThat(count("select count(*) from reps where external_id in ('R3', 'R5')")).isEqualTo(2);
        assertThat(count("select count(*) from reps where external_id = 'R4'")).isZero();
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndWritesNothing() {
        String before = digest(jdbc);

        HttpResponse<String> dry = post(port, "reps", "dryRun=true", "text/csv", resource("good/reps.csv"));

        assertThat(dry.statusCode()).isEqualTo(200);
        assertThat(dry.body()).contains("\"dryRun\":true", "\"written\":false", "\"inserted\":2");
        assertThat(digest(jdbc)).isEqualTo(before);
    }

    @Test
    void aZipIsImportedInDependencyOrderInOneGo() throws IOException {
        byte[] zip = zip("export/deals.csv", resource("good/deals.csv"), "export/ratings.csv", resource("good/ratings.csv"),
                "export/tickets.csv", resource("good/tickets.csv"), "export/customers.csv", resource("good/customers.csv"),
                "export/revenue.csv", resource("good/revenue.csv"), "export/accounts.csv", resource("good/accounts.csv"),
                "export/reps.csv", resource("good/reps.csv"));

        HttpResponse<String> response = post(port, "zip", "", "application/zip", zip);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(count("select count(*) from deals")).isEqualTo(2);
        assertThat(count("select count(*) from ratings")).isEqualTo(1);
        assertThat(count("select count(*) from tickets where external_id = 'T2' and account_id is null"))
                .as("an empty account cell is no account").isEqualTo(1);
    }

    @Test
    void inALenientZipARowNamingARejectedRowIsRejectedTooAndSaysWhy() throws IOException {
        byte[] zip = zip("reps.csv", resource("good/reps.csv"),
                "accounts.csv", "external_id,name,signed_up_at\nA7,Seven,not-a-date\nA8,Eight,2024-01-01\n"
                        .getBytes(StandardCharsets.UTF_8),
                "customers.csv", "external_id,account\nC7,A7\nC8,A8\n".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(port, "zip", "mode=lenient", "application/zip", zip);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "{\"line\":2,\"column\":\"account\",\"value\":\"A7\",\"message\":\"was rejected in accounts.csv line 2\"}");
        assertThat(count("select count(*) from customers")).isEqualTo(1);
    }

    @Test
    void aZipThatExpandsBeyondTheLimitIsRefusedUnread() throws IOException {
        byte[] zeros = new byte[12_000_000];
        HttpResponse<String> response = post(port, "zip", "", "application/zip", zip("reps.csv", zeros));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("expands beyond");
    }

    @Test
    void aFileOverTheSizeLimitGets413() {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');

        HttpResponse<String> response = post(port, "reps", "", "text/csv", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit of 2 MB");
    }

    @Test
    void aMultipartUploadOverTheLimitGets413AsProblemJson() {
        byte[] big = new byte[3 * 1024 * 1024];
        String boundary = "tandem-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + big.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length + big.length, tail.length);

        HttpResponse<String> response = post(port, "reps", "", "multipart/form-data; boundary=" + boundary, body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("larger than the limit of 2 MB");
    }

    @Test
    void aSecondImportWhileOneRunsIsToldSo() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var statement = other.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + 0x7a4d_1e00L + ")");
            }
            HttpResponse<String> response = post(port, "reps", "", "text/csv", resource("good/reps.csv"));
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("Another import is running");
            other.rollback();
        }
        assertThat(post(port, "reps", "", "text/csv", resource("good/reps.csv")).statusCode()).isEqualTo(200);
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = "external_id,name,team,role\nR1,Ana,Support,support\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(csv, 0, body, 3, csv.length);

        assertThat(post(port, "reps", "", "text/csv", body).body()).contains("\"inserted\":1");
    }

    @Test
    void helpScoutStyleHeadersAreUnderstoodAndUnknownColumnsIgnoredWithANotice() {
        ImportTesting.importGoodFiles(port);
        String csv = """
                Conversation ID,Customer ID,Assignee,Created At,First Reply At,Closed At,Replies Sent,Tags
                HS-1,C1,ana@x.io,2024-03-01 09:00,2024-03-01 09:20,2024-03-01 11:00,3,billing
                """;

        HttpResponse<String> response = postCsv(port, "auto", "", csv);

        assertThat(response.body()).contains("\"kind\":\"tickets\"", "\"inserted\":1",
                "Column 'Tags' is not a tickets column and was ignored.");
        // the rep named by email; without an account column the ticket takes its customer's account
        assertThat(jdbc.sql("select r.external_id || ' ' || t.agent_replies || ' ' || a.external_id from tickets t"
                + " join reps r on r.id = t.rep_id join accounts a on a.id = t.account_id"
                + " where t.external_id = 'HS-1'").query(String.class).single()).isEqualTo("R1 3 A1");
    }

    @Test
    void formulasAreKeptAsTextAndEscapedInTheExportWhichImportsBackUnchanged() {
        String formula = "=cmd|' /C calc'!A0";
        postCsv(port, "reps", "", "external_id,name,team,role\nR1,\"" + formula + "\",Support,support\n");
        assertThat(jdbc.sql("select name from reps").query(String.class).single()).isEqualTo(formula);

        String export = Http.api(port, "GET", "/api/exports/reps", null, null, TestUsers.ADMIN, TestUsers.PASSWORD).body();
        assertThat(export).contains("R1,'=cmd|' /C calc'!A0,");

        assertThat(postCsv(port, "reps", "", export).body()).contains("\"unchanged\":1");
    }

    @Test
    void aNewRatingForARatedTicketReplacesItAndCountsAsUpdated() {
        ImportTesting.importGoodFiles(port);

        HttpResponse<String> response = postCsv(port, "ratings", "", "ticket,rating\nT1,Not Good\n");

        assertThat(response.body()).contains("\"inserted\":0,\"updated\":1");
        assertThat(jdbc.sql("select rating from ratings").query(String.class).single()).isEqualTo("not_good");
    }

    @Test
    void everyRunIsInTheHistoryWithADownloadableErrorReport() {
        postCsv(port, "reps", "mode=lenient", "external_id,name,team,role\nR1,Ana,Support,support\nR2,Bo,Sales,boss\n");
        postCsv(port, "reps", "", "");

        var admin = Http.login(port, TestUsers.ADMIN, TestUsers.PASSWORD);
        String page = admin.get("/import").body();
        assertThat(page).contains("succeeded", "failed", "is empty: it has no header row");
        long run = count("select max(id) from import_runs where status = 'succeeded' and rejected = 1");
        HttpResponse<String> report = admin.get("/import/runs/" + run + "/errors.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).startsWith("line,column,value,message")
                .contains("\"3\",\"role\",\"boss\",\"is not one of support, sales, success, manager\"");
        assertThat(count("select count(*) from audit_log where action = 'import'")).isPositive();
    }

    private static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
