package io.tandem.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared steps of the import tests: post a file as the test admin, fingerprint the database. */
final class ImportTesting {

    static final List<String> TABLES = List.of("reps", "accounts", "customers", "revenue", "tickets", "ratings", "deals");

    private ImportTesting() {
    }

    static byte[] resource(String path) {
        try (InputStream in = ImportTesting.class.getResourceAsStream("/imports/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource imports/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> post(int port, String kind, String query, String contentType, byte[] body) {
        return Http.api(port, "POST", "/api/imports/" + kind + (query.isEmpty() ? "" : "?" + query), contentType, body,
                TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    static HttpResponse<String> postCsv(int port, String kind, String query, String csv) {
        return post(port, kind, query, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Imports the hand-made base company of imports/good, kind by kind. */
    static void importGoodFiles(int port) {
        for (String kind : TABLES) {
            HttpResponse<String> response = post(port, kind, "", "text/csv", resource("good/" + kind + ".csv"));
            assertThat(response.statusCode()).as(kind + ": " + response.body()).isEqualTo(200);
        }
    }

    /** A fingerprint of every data table: equal fingerprints, equal data. */
    static String digest(JdbcClient jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                    + " from " + table + " t").query(String.class).single()).append(';');
        }
        return all.toString();
    }

    /** Deletes all imported data; users not bound to a rep (the test admin) stay. */
    static void emptyAllData(JdbcClient jdbc) {
        jdbc.sql("delete from app_users where rep_id is not null").update();
        for (String table : List.of("deals", "ratings", "tickets", "revenue", "customers", "accounts", "reps")) {
            jdbc.sql("delete from " + table).update();
        }
    }
}
