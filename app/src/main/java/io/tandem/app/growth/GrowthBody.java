package io.tandem.app.growth;

import java.math.BigDecimal;
import java.util.List;

/**
 * Growth management figures (metrics.md section 5) with the field names of api.md. Money has 2
 * decimals; {@code monthlyChurnRate} is an unrounded fraction with its n. For REP users, other reps in
 * {@code highTouch} are labels such as "Rep 7KQ2MX" (RepLabels) without a name.
 */
public record GrowthBody(
        String currency,
        BigDecimal arpa,
        BigDecimal grossMargin,
        BigDecimal monthlyChurnRate,
        long monthlyChurnN,
        boolean monthlyChurnLowSample,
        BigDecimal ltv,
        BigDecimal cac,
        long newAccounts,
        BigDecimal cacPaybackMonths,
        BigDecimal ltvToCac,
        BigDecimal supportCostPerAccount,
        BigDecimal highTouchTargetPer100kCost,
        List<HighTouchLine> highTouch) {

    /**
     * @param rep            the rep's external id, or "Rep 7KQ2MX" (RepLabels) when hidden from a REP user
     * @param name           the rep's name; null when hidden
     * @param arr            ARR of the accounts the rep owns
     * @param annualCost     the rep's annual cost; null when hidden or not set
     * @param arrPer100kCost ARR per 100,000 of cost
     * @param meetsTarget    arrPer100kCost reaches 1,000,000; null without a cost
     */
    public record HighTouchLine(String rep, String name, BigDecimal arr, BigDecimal annualCost,
            BigDecimal arrPer100kCost, Boolean meetsTarget) {
    }
}
