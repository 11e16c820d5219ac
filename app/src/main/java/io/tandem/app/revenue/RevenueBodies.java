package io.tandem.app.revenue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tandem.metrics.indicators.GroupRate;
import io.tandem.metrics.retention.CohortAccount;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the revenue and retention API returns and the page renders, with the field names of api.md.
 * Months are {@code yyyy-MM}; money has 2 decimals; rates are unrounded fractions 0..1 with their n.
 */
public final class RevenueBodies {

    private RevenueBodies() {
    }

    public record Movements(String currency, List<MovementRow> months) {
    }

    public record MovementRow(String month, BigDecimal mrr, @JsonProperty("new") BigDecimal newMrr,
            BigDecimal expansion, BigDecimal contraction, BigDecimal churn, BigDecimal reactivation,
            BigDecimal netNew) {
    }

    public record Churn(List<ChurnRow> months, BigDecimal trailing12Rate, Long trailing12Churned, Long trailing12N,
            Boolean trailing12LowSample) {
    }

    public record ChurnRow(String month, long activeAtStart, long churned, BigDecimal rate, long n, boolean lowSample,
            BigDecimal trailing12Rate, long trailing12N) {
    }

    public record Cohorts(int maxAge, List<CohortLine> cohorts) {
    }

    /** {@code retention} cell k is the share of the cohort active at age k; future cells are absent. */
    public record CohortLine(String cohort, long size, boolean lowSample, List<BigDecimal> retention) {
    }

    public record Retention(List<RetentionRow> months) {
    }

    public record RetentionRow(String month, BigDecimal nrr, BigDecimal grr, long n, boolean lowSample) {
    }

    public record Arpu(String currency, List<AgeLine> ages) {
    }

    public record AgeLine(int age, BigDecimal arpu, long n, boolean lowSample, BigDecimal revenuePerStartingAccount,
            long startingAccounts) {
    }

    public record SegmentsBody(String currency, List<SegmentLine> segments) {
    }

    public record SegmentLine(String segment, long activeAccounts, BigDecimal churnRate, long churnN,
            boolean churnLowSample, BigDecimal nrr, BigDecimal arpa, BigDecimal ticketsPerAccountMonth,
            BigDecimal supportCostPerAccount, String suggestedTouch) {
    }

    public record Indicators(List<IndicatorLine> indicators) {
    }

    /** @param name the indicator's key in api.md (the engine's is an enum) */
    public record IndicatorLine(String name, GroupRate cohort, GroupRate control, int horizon) {
    }

    /** A page of a cohort cell's accounts: size and active count the whole cell; limit and offset the page. */
    public record CohortAccountsBody(String cohort, int age, String month, String currency, boolean inFuture,
            long size, long active, int limit, long offset, List<CohortAccount> accounts) {
    }
}
