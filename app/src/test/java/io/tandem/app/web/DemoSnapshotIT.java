package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemApplication;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every figure a user can read on the demo company stays what it was while the web layer is
 * reshaped (issue 15): every API JSON and CSV, every CSV a page links to, the text of every page
 * (a dashboard's with its cards in place, as a reader sees it once they have loaded) and of every card on
 * its own (issue 16), as a manager and as a rep, with the default filters and with a range, team and segment,
 * are compared with the fingerprints in {@code snapshots/demo.tsv} (SHA-256 and size; a CSV also
 * with its header line in full). The demo is seeded and the tests run as of a fixed day, so the
 * answers are the same on every run; only the rep labels (an HMAC with a key made per database)
 * are renamed in order of appearance first.
 *
 * <p>After a change that is meant to alter an answer, run with {@code -Dsnapshots.write=true} to
 * rewrite the file, and say why in the commit. A mismatch writes the answers it got to
 * {@code target/snapshots/} for a diff.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.snapshot.own-context=true"
        })
class DemoSnapshotIT {

    private static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/demo.tsv");
    private static final Pattern REP_LABEL = Pattern.compile("Rep [0-9A-Z]{6}");
    private static final Pattern CSV_LINK = Pattern.compile("href=\"([^\"]+\\.csv[^\"]*)\"");
    /** A card's placeholder on a dashboard's shell (fragments/panel.html :: card); it holds no other section. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?s)<section[^>]*data-card=\"([^\"]+)\"[^>]*>.*?</section>");
    private static final List<String> FILTERS = List.of("", "from=2025-01-01&to=2026-06-30",
            "team=Support&segment=11%2B");
    /** Pages also take a range preset. */
    private static final List<String> PAGE_FILTERS = List.of("", "range=3m", "team=Support&segment=1-3");
    private static final List<String> PAGES = List.of("/", "/revenue", "/support", "/happiness", "/sales", "/growth",
            "/reps", "/reps/R001", "/reps/R002", "/revenue/cohort?cohort=2025-01&age=3",
            "/support/tickets?rep=R001");
    private static final List<String> APIS = List.of("/api/metrics/revenue/movements", "/api/metrics/retention/churn",
            "/api/metrics/retention/cohorts", "/api/metrics/retention/cohorts/accounts?cohort=2025-01&age=3",
            "/api/metrics/revenue/retention", "/api/metrics/revenue/arpu-by-age", "/api/metrics/segments",
            "/api/metrics/retention/leading-indicators", "/api/metrics/growth", "/api/metrics/growth/high-touch",
            "/api/metrics/sales/quality", "/api/metrics/sales/support-sourced",
            "/api/metrics/support/response-vs-volume", "/api/metrics/support/response-vs-volume/reps",
            "/api/metrics/support/contact-rate", "/api/metrics/support/happiness",
            "/api/metrics/support/tickets?rep=R001", "/api/metrics/support/tickets?week=2026-W40",
            "/api/metrics/reps/R001/scorecard", "/api/metrics/reps/R002/scorecard");

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyAnswerOnTheDemoIsWhatItWas() throws IOException {
        TestUsers.ensureAdmin(users, encoder);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String user : List.of(TestUsers.MANAGER, TestUsers.REP)) {
            Http.Session session = Http.login(port, user, TestUsers.PASSWORD);
            for (String page : PAGES) {
                for (String filter : PAGE_FILTERS) {
                    String path = withFilter(page, filter);
                    HttpResponse<String> response = session.get(path);
                    String html = withCards(response.body(), session, user, answers);
                    answers.put(user + "\tpage " + path, response.statusCode() + " " + pageText(html));
                    for (String csv : csvLinks(html)) {
                        HttpResponse<String> file = session.get(csv);
                        answers.put(user + "\tcsv " + csv, file.statusCode() + " " + file.body());
                    }
                }
            }
            for (String api : APIS) {
                for (String filter : FILTERS) {
                    String path = withFilter(api, filter);
                    answers.put(user + "\tapi " + path, call(user, path, "application/json"));
                    answers.put(user + "\tapi-csv " + path, call(user, path, "text/csv"));
                }
            }
        }
        for (String kind : List.of("reps", "accounts", "customers", "revenue", "tickets", "ratings", "deals")) {
            answers.put(TestUsers.ADMIN + "\texport " + kind, call(TestUsers.ADMIN, "/api/exports/" + kind, "text/csv"));
        }
        answers.replaceAll((key, body) -> labelsInOrder(body));

        List<String> lines = new ArrayList<>();
        answers.forEach((key, body) -> lines.add(key + "\t" + sha256(body) + "\t" + body.length()
                + (key.contains("csv") || key.contains("export") ? "\t" + firstLine(body) : "")));
        if (Boolean.getBoolean("snapshots.write")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.write(SNAPSHOT, lines, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8);
        if (!lines.equals(expected)) {
            writeActual(answers);
        }
        assertThat(lines).as("answers on the demo (got them in target/snapshots/)").containsExactlyElementsOf(expected);
    }

    /**
     * The page as a reader sees it once its cards have loaded: each placeholder replaced by its card, as
     * static/js/cards.js does. Each card is also an answer of its own, before its page.
     */
    private static String withCards(String html, Http.Session session, String user, Map<String, String> answers) {
        StringBuilder page = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(html);
        while (m.find()) {
            String url = m.group(1).replace("&amp;", "&");
            HttpResponse<String> card = session.get(url);
            answers.put(user + "\tcard " + url, card.statusCode() + " " + pageText(card.body()));
            m.appendReplacement(page, Matcher.quoteReplacement(card.body()));
        }
        m.appendTail(page);
        return page.toString();
    }

    private String call(String user, String path, String accept) {
        HttpResponse<String> response = Http.api(port, "GET", path, accept, null, null, user, TestUsers.PASSWORD);
        return response.statusCode() + " " + response.body();
    }

    private static String withFilter(String path, String filter) {
        return filter.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + filter;
    }

    /** The words a reader sees: no scripts, styles, tags or CSRF tokens, whitespace collapsed. */
    private static String pageText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static Set<String> csvLinks(String html) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = CSV_LINK.matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** Rep labels depend on a key made per database: number them in order of appearance instead. */
    private static String labelsInOrder(String body) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = REP_LABEL.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = names.computeIfAbsent(m.group(), l -> "Rep #" + (names.size() + 1));
            m.appendReplacement(out, Matcher.quoteReplacement(label));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstLine(String body) {
        int end = body.indexOf('\n');
        return (end < 0 ? body : body.substring(0, end)).replace("\t", " ").replace("\r", "");
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeActual(Map<String, String> answers) throws IOException {
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        int i = 0;
        List<String> index = new ArrayList<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            String file = String.format("%04d.txt", i++);
            index.add(file + "\t" + answer.getKey());
            Files.writeString(dir.resolve(file), answer.getValue());
        }
        Files.write(dir.resolve("index.tsv"), index);
    }
}
