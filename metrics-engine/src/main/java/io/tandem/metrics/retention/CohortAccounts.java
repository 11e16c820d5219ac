package io.tandem.metrics.retention;

import java.time.YearMonth;
import java.util.List;

/**
 * The accounts behind one cohort cell, or a page of them: every account of the cohort (the cell's
 * denominator, {@code size}), active ones first; {@code active} accounts are active at the cell's age
 * (the numerator). {@code offset} accounts come before this page. {@code inFuture} is true when the
 * cell's month lies after the reporting horizon: the cell is empty and no account has an MRR there.
 */
public record CohortAccounts(YearMonth cohort, int age, String currency, boolean inFuture, long size, long active,
                             long offset, List<CohortAccount> accounts) {

    public CohortAccounts {
        accounts = List.copyOf(accounts);
    }
}
