package io.tandem.metrics.segments;

/** Touch models of metrics.md section 5, "Touch model by segment". */
public enum TouchModel {
    /** Low or no touch, self-serve. */
    LOW_TOUCH,
    HYBRID,
    HIGH_TOUCH
}
