package io.tandem.metrics.revenue;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * 12-month revenue retention at one month (metrics.md section 1, "NRR" and "GRR").
 *
 * @param month the month m
 * @param nrr   sum over accounts active in m-12 of MRR(m) / the same accounts' MRR(m-12); null when n = 0
 * @param grr   the same with each MRR(m) capped at the account's MRR(m-12); null when n = 0
 * @param n     accounts active in m-12
 */
public record RetentionMonth(YearMonth month, BigDecimal nrr, BigDecimal grr, long n) {
}
