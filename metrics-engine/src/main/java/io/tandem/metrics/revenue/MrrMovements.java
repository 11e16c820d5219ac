package io.tandem.metrics.revenue;

import java.util.List;

/** MRR movements per month of the range, in the organisation's currency (null when the range has no month). */
public record MrrMovements(String currency, List<MovementMonth> months) {
}
