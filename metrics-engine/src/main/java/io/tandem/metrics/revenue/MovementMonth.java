package io.tandem.metrics.revenue;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * MRR movements of one month (metrics.md section 1, "MRR movements"), comparing each account's
 * MRR(m-1) with MRR(m). Gains are positive and losses negative, so that
 * {@code netNew = newMrr + expansion + reactivation + contraction + churn = mrr(m) - mrr(m-1)}.
 *
 * @param month        the month m
 * @param mrr          total MRR at the end of m
 * @param newMrr       MRR(m) of accounts with their first ever MRR &gt; 0 in m (&ge; 0); served as {@code new}
 * @param expansion    sum of MRR(m) - MRR(m-1) of accounts that went up from MRR(m-1) &gt; 0 (&ge; 0)
 * @param contraction  sum of MRR(m) - MRR(m-1) of accounts that went down and stayed &gt; 0 (&le; 0)
 * @param churn        minus MRR(m-1) of accounts that went from &gt; 0 to 0 (&le; 0)
 * @param reactivation MRR(m) of accounts back from 0 that had MRR &gt; 0 before (&ge; 0)
 * @param netNew       the sum of the five movements
 */
public record MovementMonth(
        YearMonth month,
        BigDecimal mrr,
        BigDecimal newMrr,
        BigDecimal expansion,
        BigDecimal contraction,
        BigDecimal churn,
        BigDecimal reactivation,
        BigDecimal netNew) {
}
