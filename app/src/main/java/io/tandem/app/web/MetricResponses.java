package io.tandem.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** How the metrics API answers: JSON, or CSV for a {@code .csv} path or {@code Accept: text/csv} (api.md). */
public final class MetricResponses {

    private MetricResponses() {
    }

    public static boolean wantsCsv(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getRequestURI().endsWith(".csv") || (accept != null && accept.contains("text/csv"));
    }

    public static ResponseEntity<?> respond(HttpServletRequest request, Object body, Supplier<CsvTable> csv) {
        return wantsCsv(request) ? csv.get().response() : ResponseEntity.ok(body);
    }

    /** Money in the API: 2 decimals (metrics.md section 0, "Rounding"); null stays null. */
    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A rate in the API: unrounded, without the trailing zeros of PostgreSQL's numeric division; null stays null. */
    public static BigDecimal rate(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
