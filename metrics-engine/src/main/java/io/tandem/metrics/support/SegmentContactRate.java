package io.tandem.metrics.support;

import java.util.List;

/**
 * The contact rate of one seat segment (metrics.md sections 0 and 2), month by month.
 *
 * @param segment the label from the seat bounds in settings, or {@code unknown}
 * @param months  one entry per month of the range
 */
public record SegmentContactRate(String segment, List<ContactMonth> months) {
}
