package io.tandem.metrics.retention;

import java.util.List;

/** The logo retention cohort table, oldest cohort first. */
public record CohortRetention(List<CohortRow> cohorts) {
}
