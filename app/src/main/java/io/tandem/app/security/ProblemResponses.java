package io.tandem.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as application/problem+json (RFC 9457) with an actionable detail. */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Tandem\", Bearer");
        write(response, HttpStatus.UNAUTHORIZED, request,
                "Sign in with HTTP Basic or a personal API token (Authorization: Bearer tdm_...).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, request, "Your role does not allow this request.");
    }

    /** Writes the problem straight to the response, for filters and checks that run before a controller. */
    public static void write(HttpServletResponse response, HttpStatus status, HttpServletRequest request, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + jsonText(detail)
                + "\",\"instance\":\"" + jsonText(request.getRequestURI()) + "\"}");
    }

    /** Text safe inside a JSON string: quotes become ', backslashes and control characters are escaped. */
    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch == '"') {
                out.append('\'');
            } else if (ch == '\\' || ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
