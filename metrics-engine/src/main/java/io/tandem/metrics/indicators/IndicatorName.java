package io.tandem.metrics.indicators;

/** The three leading indicators of metrics.md section 7. */
public enum IndicatorName {
    /** Accounts that gave a {@code not_good} rating in a month, against accounts rated only {@code great}. */
    BAD_EXPERIENCE("retention-after-bad-experience"),
    /** Accounts that opened a ticket in their first 90 days, against those that did not. */
    EARLY_CONTACT("early-contact"),
    /** Accounts whose first ticket waited longer than the team's p90 FRT, against those answered under the median. */
    SLOW_FIRST_REPLY("slow-first-reply");

    private final String key;

    IndicatorName(String key) {
        this.key = key;
    }

    /** The indicator's name in the API. */
    public String key() {
        return key;
    }
}
