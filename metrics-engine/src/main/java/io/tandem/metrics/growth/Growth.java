package io.tandem.metrics.growth;

import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.util.List;

/**
 * Growth management figures (metrics.md section 5) for a range. State figures are read at the last
 * month of the range (capped at the reporting horizon). A zero or missing denominator gives null.
 *
 * @param currency              the organisation's currency
 * @param arpa                  total MRR / active accounts in the last month
 * @param grossMargin           the gross margin setting, 0..1
 * @param monthlyChurnRate      trailing-12-month monthly logo churn at the last month: churned in the 12
 *                              months / accounts active at the start of each (account-months)
 * @param ltv                   arpa x grossMargin / monthlyChurnRate
 * @param cac                   (sales reps' cost + marketing spend over the months of the range) /
 *                              accounts whose cohort month is in the range
 * @param cacPaybackMonths      cac / (arpa x grossMargin)
 * @param supportCostPerAccount support reps' annual cost / 12 / active accounts in the last month
 * @param newAccounts           the denominator of cac
 * @param highTouch             reps in high-touch roles, by external id
 */
public record Growth(
        String currency,
        BigDecimal arpa,
        BigDecimal grossMargin,
        Rate monthlyChurnRate,
        BigDecimal ltv,
        BigDecimal cac,
        BigDecimal cacPaybackMonths,
        BigDecimal supportCostPerAccount,
        long newAccounts,
        List<HighTouchRep> highTouch) {

    public Growth {
        highTouch = List.copyOf(highTouch);
    }
}
