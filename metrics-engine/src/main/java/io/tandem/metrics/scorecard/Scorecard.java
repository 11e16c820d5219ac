package io.tandem.metrics.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One rep's balanced scorecard (metrics.md section 6): four rows of figures, each with the rep's
 * value for the period, the team median for the same period and the rep's six earlier periods.
 * There is no composite score and no ranking.
 */
public record Scorecard(String rep, String name, String team, String role, Period period, LocalDate firstActivity,
                        List<Figure> volume, List<Figure> speed, List<Figure> quality, List<Figure> outcome) {

    /**
     * One figure. {@code value} and {@code teamMedian} are null when there is nothing to measure;
     * {@code n} is the number of events behind a rate or score (null for counts and amounts), and a
     * rate over fewer than 30 is {@code lowSample}. {@code trend} holds the six earlier periods,
     * oldest first; a period before the rep's first activity has no value.
     */
    public record Figure(String key, BigDecimal value, BigDecimal teamMedian, Long n, boolean lowSample,
                         List<TrendPoint> trend) {
    }

    public record TrendPoint(LocalDate from, LocalDate to, BigDecimal value) {
    }
}
