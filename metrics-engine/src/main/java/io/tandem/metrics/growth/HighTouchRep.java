package io.tandem.metrics.growth;

import java.math.BigDecimal;

/**
 * High-touch economics of one rep (metrics.md section 5): the rule of thumb target is 1,000,000 of ARR
 * per 100,000 of cost.
 *
 * @param rep            the rep's external id
 * @param arr            12 x the MRR, in the last month of the range, of the accounts the rep owns
 * @param annualCost     the rep's fully loaded annual cost; null when not set
 * @param arrPer100kCost arr / (annualCost / 100,000); null when the cost is not set or 0
 */
public record HighTouchRep(String rep, BigDecimal arr, BigDecimal annualCost, BigDecimal arrPer100kCost) {
}
