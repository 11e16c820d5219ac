package io.tandem.metrics.segments;

import java.util.List;

/** One row per segment (all four, or the filtered one), smallest first and {@code unknown} last. */
public record Segments(String currency, List<SegmentRow> segments) {
}
