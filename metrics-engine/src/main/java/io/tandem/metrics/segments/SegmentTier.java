package io.tandem.metrics.segments;

/**
 * The four seat segments of metrics.md section 0 and 5, whatever their bounds in settings, with the
 * touch model section 5 suggests for each.
 */
public enum SegmentTier {
    SMALL(TouchModel.LOW_TOUCH),
    MEDIUM(TouchModel.HYBRID),
    LARGE(TouchModel.HIGH_TOUCH),
    /** Accounts without a seat count: no suggestion. */
    UNKNOWN(null);

    private final TouchModel suggestedTouch;

    SegmentTier(TouchModel suggestedTouch) {
        this.suggestedTouch = suggestedTouch;
    }

    /** The suggested touch model, or null for {@link #UNKNOWN}. */
    public TouchModel suggestedTouch() {
        return suggestedTouch;
    }
}
