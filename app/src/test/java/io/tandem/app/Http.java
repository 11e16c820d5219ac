package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.security.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests against the running app. */
public final class Http {

    /** Reads decimals as BigDecimal, so that a figure the API writes as 0.30 is compared as written. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    public static HttpResponse<String> get(int port, String path) {
        return get(port, path, "*/*");
    }

    /** As a browser asks for a page. */
    public static HttpResponse<String> page(int port, String path) {
        return get(port, path, "text/html");
    }

    /** An API call with HTTP Basic (user null: anonymous). */
    public static HttpResponse<String> api(int port, String method, String path, String contentType, byte[] body,
                                           String user, String password) {
        return api(port, method, path, "application/json", contentType, body, user, password);
    }

    /** An API call with HTTP Basic and the given Accept header (null: none sent). */
    public static HttpResponse<String> api(int port, String method, String path, String accept, String contentType,
                                           byte[] body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an Authorization header for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request on the shared client (no redirects followed); I/O failures become unchecked. */
    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        return send(CLIENT, request, body);
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request on the shared client without waiting for the answer. */
    public static <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                   HttpResponse.BodyHandler<T> body) {
        return CLIENT.sendAsync(request, body);
    }

    /** A JSON body, decimals as BigDecimal. */
    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /**
     * The API as the test users, each with the shared password {@link TestUsers#PASSWORD}. The port is
     * asked for at each call, so a test can make one in a field initializer, before {@code @LocalServerPort}
     * is injected: {@code Http.Api api = new Http.Api(() -> port);}.
     */
    public static final class Api {
        private final IntSupplier port;

        public Api(IntSupplier port) {
            this.port = port;
        }

        /** A GET as {@link TestUsers#ADMIN} that must answer 200: its JSON body. */
        public JsonNode json(String path) {
            return json(path, TestUsers.ADMIN);
        }

        /** A GET as {@code user} that must answer 200: its JSON body, decimals as BigDecimal. */
        public JsonNode json(String path, String user) {
            HttpResponse<String> response = get(path, user);
            assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
            return Http.json(response.body());
        }

        /** A GET as {@code user} asking for JSON, whatever its status. */
        public HttpResponse<String> get(String path, String user) {
            return send(path, user, "application/json");
        }

        /** A GET as {@code user} with this Accept header, whatever its status. */
        public HttpResponse<String> send(String path, String user, String accept) {
            return api(port.getAsInt(), "GET", path, accept, null, null, user, TestUsers.PASSWORD);
        }
    }

    /** A signed-in browser-like session: form login with the CSRF token, cookies kept. */
    public static Session login(int port, String username, String password) {
        Session session = new Session(port);
        session.post("/login", "username=" + username + "&password=" + password);
        return session;
    }

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static final class Session {
        private final int port;
        private final HttpClient client;

        public Session(int port) {
            this.port = port;
            this.client = HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(port, path)).header("Accept", BROWSER_ACCEPT).GET().build());
        }

        /** Posts a form with the CSRF token of the login page's or the given page's form. */
        public HttpResponse<String> post(String path, String form) {
            String csrf = csrfFrom(path.equals("/login") ? "/login" : "/profile");
            if (csrf == null) {
                csrf = csrfFrom("/profile/password"); // a user who must change the password sees only that page
            }
            if (csrf == null) {
                csrf = csrfFrom("/login"); // not signed in
            }
            return send(HttpRequest.newBuilder(uri(port, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", BROWSER_ACCEPT)
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf))
                    .build());
        }

        private String csrfFrom(String page) {
            Matcher m = CSRF.matcher(get(page).body());
            return m.find() ? m.group(1) : null;
        }

        private HttpResponse<String> send(HttpRequest request) {
            return Http.send(client, request, HttpResponse.BodyHandlers.ofString());
        }
    }

    public static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static HttpResponse<String> get(int port, String path, String accept) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
