package io.tandem.app.happiness;

import java.math.BigDecimal;
import java.util.List;

/**
 * Happiness in context (metrics.md section 3) with the field names of api.md. Scores, intervals, expected
 * scores and gaps are points (-100..100), unrounded; rates are unrounded fractions with their n. A figure
 * without ratings is absent (null), never 0. For REP users, other reps are "Rep 7KQ2MX" (RepLabels) without a name.
 */
public record HappinessBody(Team team, List<Tier> tiers, List<RepLine> reps, List<Month> months) {

    /**
     * @param ratingRate rated tickets / closed tickets in the range; {@code closed} is its n
     */
    public record Team(BigDecimal score, long n, long great, long ok, long notGood, BigDecimal ratingRate,
            long rated, long closed, BigDecimal low, BigDecimal high, boolean lowSample) {
    }

    /** @param tier {@code easy}, {@code medium} or {@code hard} */
    public record Tier(String tier, BigDecimal score, long n, boolean lowSample) {
    }

    /**
     * Never the raw score alone: actual, expected given the rep's difficulty mix, the gap, the hard share and
     * n travel together. Listed by external id, an order and never a ranking.
     *
     * @param hardShare hard tickets among the rep's rated tickets; {@code hardRated} is its numerator, n its n
     */
    public record RepLine(String rep, String name, BigDecimal score, BigDecimal expected, BigDecimal gap,
            BigDecimal hardShare, long hardRated, long n, BigDecimal low, BigDecimal high, boolean lowSample) {
    }

    public record Month(String month, BigDecimal score, long n, boolean lowSample) {
    }
}
