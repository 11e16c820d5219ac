package io.tandem.app.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the support API returns and the page renders, with the field names of api.md (metrics.md section 2).
 * Minutes have 1 decimal; rates and replies per customer are unrounded; weeks are ISO {@code yyyy-Www},
 * months {@code yyyy-MM}. A figure without events is absent (null), never 0. For REP users, other reps are
 * "Rep 7KQ2MX" (RepLabels) without a name.
 */
public final class SupportBodies {

    private SupportBodies() {
    }

    public record ResponseVsVolumeBody(List<WeekLine> weeks, List<RepLine> reps, LoadBalanceLine loadBalance,
            ElasticityLine elasticity, long unanswered) {
    }

    /**
     * @param partial the range cuts the week: only its days inside the range count
     */
    public record WeekLine(String week, LocalDate startsOn, boolean partial, long customersHelped, long tickets,
            BigDecimal medianFrtMinutes, BigDecimal p90FrtMinutes, BigDecimal meanFrtMinutes,
            BigDecimal repliesPerCustomer, long unanswered) {
    }

    /**
     * @param rep       the rep's external id, or "Rep 7KQ2MX" (RepLabels) when hidden from a REP user
     * @param name      the rep's name; null when hidden
     * @param hardShare hard tickets / tickets, with {@code hardTickets} and n = tickets
     */
    public record RepLine(String rep, String name, long tickets, long customersHelped, BigDecimal medianFrtMinutes,
            BigDecimal p90FrtMinutes, BigDecimal repliesPerCustomer, long unanswered, BigDecimal hardShare,
            long hardTickets, boolean lowSample) {
    }

    /**
     * @param topFifthHardShare hard tickets of the busiest fifth of reps (by hard count) / all hard tickets
     * @param n                 all hard tickets of reps
     * @param flagged           the share is above 50%
     * @param carriers          who carries them, busiest first
     * @param repCount          the reps with tickets the fifth is taken of
     */
    public record LoadBalanceLine(BigDecimal topFifthHardShare, long topFifthHard, long n, boolean lowSample,
            boolean flagged, List<Carrier> carriers, long repCount) {
    }

    public record Carrier(String rep, String name) {
    }

    /**
     * @param slope                 b of median FRT ~ volume^b over full weeks
     * @param frtRisePer10PctVolume 1.1^b - 1: the fraction median FRT rises per +10% tickets
     * @param weeks                 n, the weeks in the fit
     */
    public record ElasticityLine(BigDecimal slope, BigDecimal frtRisePer10PctVolume, long weeks) {
    }

    public record ContactRateBody(List<ContactLine> months, List<SegmentLine> segments) {
    }

    /** @param rate contacted / customers; n = customers */
    public record ContactLine(String month, long customers, long contacted, BigDecimal rate, long n,
            boolean lowSample) {
    }

    public record SegmentLine(String segment, List<ContactLine> months) {
    }

    /**
     * One page of the tickets behind a week or a rep. {@code rep} in a ticket is "Rep 7KQ2MX" (RepLabels) or null for REP
     * users when another rep handled it.
     */
    public record TicketsBody(String week, String rep, long total, int limit, long offset, List<TicketLine> tickets) {
    }

    public record TicketLine(String externalId, OffsetDateTime openedAt, BigDecimal firstResponseMinutes,
            Integer replies, String tier, String rep, String customer) {
    }
}
