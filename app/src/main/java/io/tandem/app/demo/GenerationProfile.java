package io.tandem.app.demo;

/**
 * How big the generated company is and how its volumes are tuned. The demo profile is the
 * original demo data; the scale profile keeps every planted pattern but gives each account a
 * longer life and more tickets and ratings (issue 9: per account about 5 customers, 50 tickets,
 * 30 ratings, 24 revenue months and 2.5 deals), and a larger team in which the pattern reps keep
 * several times their fair share of the work.
 *
 * @param accounts        accounts that sign up over the three years
 * @param reps            reps in all; the fifteen named demo reps come first, more join the teams
 * @param ticketFactor    multiplies every account's daily ticket chance
 * @param ratingChance    chance that an answered ticket is rated
 * @param churnFactor     multiplies the monthly churn hazard
 * @param growth          sign-up weight of month i is 1 + growth * i / 12
 * @param foundingWeight  extra sign-up weight of the first month (accounts already there when history starts)
 * @param badRatingChurn  the base churn hazard a not-good rating adds for three months, in multiples
 * @param renewals        whether accounts renew every twelve months with a won renewal deal
 */
record GenerationProfile(int accounts, int reps, double ticketFactor, double ratingChance, double churnFactor,
                         double growth, double foundingWeight, double badRatingChurn,
                         boolean renewals) {

    static final int DEMO_REPS = 15;

    static GenerationProfile demo(int accounts) {
        return new GenerationProfile(accounts, DEMO_REPS, 1.0, 0.42, 1.0, 1.0, 0.0, 3.0, false);
    }

    /** Scale 1: 20,000 accounts and 200 reps; every count grows linearly with the scale. */
    static GenerationProfile scale(double scale) {
        return new GenerationProfile((int) Math.round(20_000 * scale), Math.max(DEMO_REPS, (int) Math.round(200 * scale)),
                2.1, 0.6, 0.15, 0.0, 90.0, 2.5, true);
    }
}
