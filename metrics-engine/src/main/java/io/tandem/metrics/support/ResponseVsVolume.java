package io.tandem.metrics.support;

import java.util.List;

/** Response time against volume (metrics.md section 2), named as {@code support/response-vs-volume} in api.md. */
public record ResponseVsVolume(
        List<ResponseWeek> weeks,
        List<RepResponse> reps,
        LoadBalance loadBalance,
        FrtElasticity elasticity) {
}
