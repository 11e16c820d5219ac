package io.tandem.metrics.happiness;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;

/**
 * One rep's happiness in context (metrics.md section 3). Ratings are credited to the rating's rep, else to
 * the ticket's rep. Pages show these together, never the score alone.
 *
 * @param rep       the rep's external id
 * @param score     actual score, points
 * @param expected  sum over tiers t of (rep's ratings in t / rep's ratings) x team score in t, same period
 *                  and filter
 * @param gap       score - expected: at or above 0 the rep does as well as the team would on the same mix
 * @param hardShare hard tickets among the rep's rated tickets (the mix the expected score is built on)
 * @param n         the rep's ratings
 * @param low       lower bound of the 95% interval of the score (see {@link HappinessScore})
 * @param high      upper bound
 * @param lowSample n &lt; 30: marked, never coloured good/bad or ranked
 */
public record RepHappiness(String rep, BigDecimal score, BigDecimal expected, BigDecimal gap, Rate hardShare,
                           long n, BigDecimal low, BigDecimal high, boolean lowSample) {
}
