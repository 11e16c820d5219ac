package io.tandem.metrics.retention;

import java.math.BigDecimal;

/**
 * One account behind a cell of the logo retention cohort table (metrics.md section 1).
 *
 * @param externalId the account's external id
 * @param name       the account's name
 * @param mrr        MRR at the cell's age (month cohort + age); 0 when it had churned by then, null when that month
 *                   lies after the reporting horizon
 * @param active     MRR &gt; 0 at that age: the account counts in the cell's numerator
 * @param segment    the account's seat segment label ({@code 1-3}, {@code 4-10}, {@code 11+}, {@code unknown})
 */
public record CohortAccount(String externalId, String name, BigDecimal mrr, boolean active, String segment) {
}
