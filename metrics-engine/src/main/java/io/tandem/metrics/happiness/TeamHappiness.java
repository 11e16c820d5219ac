package io.tandem.metrics.happiness;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;

/**
 * The team's happiness over the range (metrics.md section 3): every rating in scope, also those credited to
 * nobody. See {@link HappinessScore} for the score and its interval.
 *
 * @param ratingRate rated tickets / closed tickets: of the tickets closed in the range, those with a rating
 */
public record TeamHappiness(BigDecimal score, long n, long great, long ok, long notGood, Rate ratingRate,
                            BigDecimal low, BigDecimal high, boolean lowSample) {

    static TeamHappiness of(HappinessScore s, Rate ratingRate) {
        return new TeamHappiness(s.score(), s.n(), s.great(), s.ok(), s.notGood(), ratingRate,
                s.low(), s.high(), s.lowSample());
    }
}
