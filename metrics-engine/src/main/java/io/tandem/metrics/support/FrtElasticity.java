package io.tandem.metrics.support;

import java.math.BigDecimal;

/**
 * How much the median first response time rises with weekly volume (metrics.md section 2, "Response
 * time against volume"): the least-squares slope b of ln(weekly median FRT) on ln(weekly tickets) over
 * the full (not partial) weeks of the range with a median above 0. Median FRT then scales as volume^b,
 * so +10% volume goes with a factor 1.1^b on the median.
 *
 * @param slope                 b; absent with fewer than two such weeks or when every week had the same volume
 * @param frtRisePer10PctVolume 1.1^b - 1 as a fraction (0.1 = the median rises 10% per +10% volume)
 * @param weeks                 n, the weeks in the regression
 */
public record FrtElasticity(BigDecimal slope, BigDecimal frtRisePer10PctVolume, long weeks) {
}
