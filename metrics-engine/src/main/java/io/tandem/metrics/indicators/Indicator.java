package io.tandem.metrics.indicators;

/**
 * One leading indicator at one horizon (metrics.md section 7). Neither group's difference claims a cause.
 *
 * @param name    which indicator
 * @param cohort  the exposed group
 * @param control the comparison group, over the same months
 * @param horizon months after the exposure month (bad experience) or the cohort month (early contact,
 *                slow first reply) at which an account must still be active
 */
public record Indicator(IndicatorName name, GroupRate cohort, GroupRate control, int horizon) {
}
