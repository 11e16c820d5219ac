package io.tandem.metrics.happiness;

import java.util.List;

/**
 * Happiness in context (metrics.md section 3), named as {@code support/happiness} in api.md.
 *
 * @param team   all ratings in scope
 * @param tiers  easy, medium, hard, always all three
 * @param reps   reps credited with at least one rating, by external id (an order, never a ranking)
 * @param months every month of the range
 */
public record Happiness(TeamHappiness team, List<TierHappiness> tiers, List<RepHappiness> reps,
                        List<HappinessMonth> months) {
}
