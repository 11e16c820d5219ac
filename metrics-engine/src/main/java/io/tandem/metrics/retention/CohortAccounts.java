package io.tandem.metrics.retention;

import java.time.YearMonth;
import java.util.List;

/**
 * The accounts behind one cohort cell: every account of the cohort (the cell's denominator), active
 * ones first. {@code inFuture} is true when the cell's month lies after the reporting horizon: the cell
 * is empty and no account has an MRR there.
 */
public record CohortAccounts(YearMonth cohort, int age, String currency, boolean inFuture, List<CohortAccount> accounts) {

    public CohortAccounts {
        accounts = List.copyOf(accounts);
    }

    /** Accounts active at the cell's age: the numerator. */
    public long active() {
        return accounts.stream().filter(CohortAccount::active).count();
    }
}
