package io.tandem.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The scope of every metric query (metrics.md section 0, "Period" and "Scope rules").
 *
 * @param from    first day of the range, inclusive
 * @param to      last day of the range, inclusive
 * @param team    a team name: only accounts whose owner rep is in that team; null for all accounts
 *                (accounts without an owner rep appear only then)
 * @param segment a segment label as produced from the seat bounds in settings (by default {@code 1-3},
 *                {@code 4-10}, {@code 11+}, or {@code unknown} for accounts without seats); null for all
 */
public record MetricFilter(LocalDate from, LocalDate to, String team, String segment) {

    public MetricFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("`to` (" + to + ") is before `from` (" + from + ")");
        }
    }

    /** The whole range without a team or segment filter. */
    public static MetricFilter of(LocalDate from, LocalDate to) {
        return new MetricFilter(from, to, null, null);
    }

    public MetricFilter withTeam(String newTeam) {
        return new MetricFilter(from, to, newTeam, segment);
    }

    public MetricFilter withSegment(String newSegment) {
        return new MetricFilter(from, to, team, newSegment);
    }
}
