package io.tandem.metrics.indicators;

import java.util.List;

/** The leading indicators, one entry per indicator and horizon, in the order of metrics.md section 7. */
public record LeadingIndicators(List<Indicator> indicators) {
}
