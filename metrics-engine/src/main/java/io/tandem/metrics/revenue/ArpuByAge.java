package io.tandem.metrics.revenue;

import java.util.List;

/** ARPU and revenue per starting account for ages 0 to {@value ArpuByAgeQuery#MAX_AGE}. */
public record ArpuByAge(String currency, List<AgeRow> ages) {
}
