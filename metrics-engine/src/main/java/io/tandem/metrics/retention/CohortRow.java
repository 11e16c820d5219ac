package io.tandem.metrics.retention;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One row of the logo retention cohort table (metrics.md section 1).
 *
 * @param cohort    the cohort month: accounts whose first month with MRR &gt; 0 it is
 * @param size      accounts in the cohort (the n of every cell)
 * @param retention cell k = accounts of the cohort active in cohort + k / size, for k = 0 up to the last
 *                  month read; cells in the future are absent (the list is shorter), never 0
 */
public record CohortRow(YearMonth cohort, long size, List<BigDecimal> retention) {

    public CohortRow {
        retention = List.copyOf(retention);
    }
}
