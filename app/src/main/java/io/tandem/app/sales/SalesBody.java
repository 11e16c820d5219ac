package io.tandem.app.sales;

import io.tandem.metrics.sales.SalesQualityQuery.Commission;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Sales quality (metrics.md section 4) with the field names of api.md {@code sales/quality}. Money has 2
 * decimals; {@code bookingRetention} is an unrounded fraction with its n ({@code matureDeals}). For REP
 * users every other rep, in {@code reps} and in the support-sourced list, is a label such as "Rep 7KQ2MX" (RepLabels)
 * without a name or team.
 */
public record SalesBody(
        String currency,
        BigDecimal commissionRate,
        List<RepLine> reps,
        RepLine total,
        SupportSourced supportSourced) {

    /**
     * One rep's row, or the total (with {@code rep} null).
     *
     * @param rep                 the rep's external id, or "Rep 7KQ2MX" (RepLabels) when hidden from a REP user
     * @param name                the rep's name; null when hidden and on the total
     * @param bookings            won amount closed in the range
     * @param dealsWithoutAccount won deals of the range without an account: counted, never retained or lost
     * @param matureDeals         n of the booking retention
     */
    public record RepLine(String rep, String name, String team, String role, long wonDeals, BigDecimal bookings,
            long dealsWithoutAccount, long matureDeals, BigDecimal matureBookings, long retainedDeals,
            BigDecimal retainedBookings, BigDecimal bookingRetention, boolean lowSample, Commission commission) {
    }

    /**
     * @param deals        support-sourced deals opened in the range
     * @param wonAmount    their won amount closed in the range
     * @param allWonAmount all won amount closed in the range
     * @param share        wonAmount / allWonAmount; null when nothing was won
     * @param list         the deals opened or won in the range, newest first, at most {@code listLimit}
     */
    public record SupportSourced(long deals, long wonDeals, BigDecimal wonAmount, BigDecimal allWonAmount,
            BigDecimal share, int listLimit, List<SourcedDeal> list) {
    }

    /**
     * A support-sourced deal; {@code repName} null when hidden; {@code ticket} the external id of the ticket it
     * came from, if it names one.
     */
    public record SourcedDeal(String deal, String rep, String repName, String account, String stage, BigDecimal amount,
            Instant createdAt, Instant closedAt, String ticket) {
    }
}
