package io.tandem.metrics.retention;

import java.util.List;

/**
 * Logo churn per month of the range and the trailing-12-month figure at the last month of the range
 * (null when the range has no month up to the reporting horizon).
 */
public record LogoChurn(List<ChurnMonth> months, Trailing12Churn trailing12Rate) {
}
