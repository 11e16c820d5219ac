package io.tandem.metrics.scorecard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The team median of one figure (metrics.md sections 0 and 6): continuous, so an even count
 * takes the mean of the two middle values, as PostgreSQL's percentile_cont(0.5) does. Reps
 * without a value for the figure are left out; with none at all there is no median.
 */
public final class TeamMedian {

    private TeamMedian() {
    }

    public static BigDecimal of(Collection<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
