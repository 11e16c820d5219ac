package io.tandem.metrics.happiness;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The team's happiness score in one month of the range (metrics.md section 3), months in the organisation's
 * time zone; a month without ratings has n = 0 and no score.
 */
public record HappinessMonth(YearMonth month, BigDecimal score, long n) {
}
