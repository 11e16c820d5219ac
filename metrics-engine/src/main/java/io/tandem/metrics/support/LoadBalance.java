package io.tandem.metrics.support;

import io.tandem.metrics.Rate;
import java.util.List;

/**
 * Load balance of the team (metrics.md section 2): the share of the hard tickets handled by the busiest
 * fifth of reps by hard count, flagged above 50%.
 *
 * @param topFifthHardShare hard tickets of the busiest fifth / hard tickets of all reps (tickets without a
 *                          rep are nobody's load); no value without hard tickets
 * @param flagged           the share is above 0.5
 * @param reps              who carries them: the external ids of the busiest fifth, busiest first
 * @param repCount          the reps with tickets in the range that the fifth is taken of
 */
public record LoadBalance(Rate topFifthHardShare, boolean flagged, List<String> reps, long repCount) {
}
