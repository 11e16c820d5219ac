package io.tandem.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client for tests against the running app. */
public final class Http {

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

    /** An API call with HTTP Basic and the given Accept header. */
    public static HttpResponse<String> api(int port, String method, String path, String accept, String contentType,
                                           byte[] body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static HttpResponse<String> get(int port, String path, String accept) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", accept)
                    .GET()
                    .build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
