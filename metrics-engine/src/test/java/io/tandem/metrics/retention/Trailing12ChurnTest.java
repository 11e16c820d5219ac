package io.tandem.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Trailing12ChurnTest {

    @Test
    void rateIsChurnedOverTheAverageOfTwelveMonthStarts() {
        // 6 churned; 120 account-months at risk = 10 active on average: 6 / 10 = 0.6 a year, 0.05 a month
        Trailing12Churn churn = Trailing12Churn.of(6, 120);

        assertThat(churn.averageActiveAtStart()).isEqualByComparingTo("10");
        assertThat(churn.value()).isEqualByComparingTo("0.6");
        assertThat(churn.monthlyRate().value()).isEqualByComparingTo("0.05");
        assertThat(churn.lowSample()).isFalse();
    }

    @Test
    void noAccountMonthsAtRiskIsNoValue() {
        Trailing12Churn churn = Trailing12Churn.of(0, 0);

        assertThat(churn.value()).isNull();
        assertThat(churn.monthlyRate().hasValue()).isFalse();
        assertThat(churn.lowSample()).isTrue();
    }
}
