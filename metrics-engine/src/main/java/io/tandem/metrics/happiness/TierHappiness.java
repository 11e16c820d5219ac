package io.tandem.metrics.happiness;

import io.tandem.metrics.DifficultyTier;
import java.math.BigDecimal;

/**
 * The team's happiness score on the tickets of one difficulty tier (metrics.md section 3), the base of
 * every rep's expected score.
 *
 * @param score points; absent without ratings in the tier
 * @param n     ratings in the tier
 */
public record TierHappiness(DifficultyTier tier, BigDecimal score, long n) {
}
