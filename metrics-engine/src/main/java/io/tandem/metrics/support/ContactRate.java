package io.tandem.metrics.support;

import java.util.List;

/**
 * Contact rate by month (metrics.md section 2), named as {@code support/contact-rate} in api.md, with the
 * same months per segment.
 *
 * @param months   every month of the range up to the reporting horizon, all segments in scope together
 * @param segments each segment in scope (all four without a segment filter), in segment order
 */
public record ContactRate(List<ContactMonth> months, List<SegmentContactRate> segments) {
}
