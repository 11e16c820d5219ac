package io.tandem.metrics.revenue;

import java.math.BigDecimal;

/**
 * ARPU at one account age (metrics.md section 1, "ARPU by age").
 *
 * @param age                       whole months since the cohort month (cohort month = 0)
 * @param arpu                      mean MRR at this age over the accounts active at it (survivors);
 *                                  null when n = 0
 * @param n                         accounts active at this age
 * @param revenuePerStartingAccount total MRR at this age / startingAccounts; null when no cohort of the
 *                                  range is old enough to have reached this age
 * @param startingAccounts          accounts of the cohorts old enough to have reached this age
 */
public record AgeRow(int age, BigDecimal arpu, long n, BigDecimal revenuePerStartingAccount, long startingAccounts) {
}
