package io.tandem.metrics.revenue;

import java.util.List;

/** Net and gross revenue retention (12 months) for each month of the range. */
public record RevenueRetention(List<RetentionMonth> months) {
}
