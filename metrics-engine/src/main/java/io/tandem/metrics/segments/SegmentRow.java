package io.tandem.metrics.segments;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;

/**
 * The figures of one segment (metrics.md section 5, "Touch model by segment"). State figures are read
 * at the last month of the range (capped at the reporting horizon); flows are summed over its months.
 *
 * @param segment                the label from the seat bounds in settings ({@code 1-3}, {@code 4-10},
 *                               {@code 11+}, {@code unknown})
 * @param tier                   which of the four segments it is
 * @param activeAccounts         accounts with MRR &gt; 0 in the last month
 * @param churnRate              logo churn pooled over the months of the range: accounts churned in
 *                               those months / accounts active at the start of each (account-months)
 * @param nrr                    12-month NRR at the last month; null without a base
 * @param arpa                   MRR / active accounts in the last month; null without active accounts
 * @param ticketsPerAccountMonth tickets opened by the segment's accounts in the months of the range /
 *                               active account-months in those months; null without account-months
 * @param supportCostPerAccount  monthly support cost (support reps' annual cost / 12) x the segment's
 *                               share of those tickets / active accounts in the last month; null without
 *                               tickets, active accounts or a support cost
 * @param suggestedTouch         from the tier; null for {@code unknown}
 */
public record SegmentRow(
        String segment,
        SegmentTier tier,
        long activeAccounts,
        Rate churnRate,
        BigDecimal nrr,
        BigDecimal arpa,
        BigDecimal ticketsPerAccountMonth,
        BigDecimal supportCostPerAccount,
        TouchModel suggestedTouch) {
}
