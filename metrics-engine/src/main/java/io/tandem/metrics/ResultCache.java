package io.tandem.metrics;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the engine may keep results it computes several times, such as the team figures every
 * scorecard of a team needs. The app provides one that is invalidated by every write to the data;
 * without it (engine tests) nothing is kept.
 */
public interface ResultCache {

    /** The result of {@code compute} for this metric and these arguments, possibly from an earlier call. */
    <T> T get(String metric, Object arguments, Supplier<T> compute);

    /** A result {@link #get} has already computed for this metric and these arguments, if it still holds it. */
    default <T> Optional<T> ifPresent(String metric, Object arguments) {
        return Optional.empty();
    }

    /** Keeps nothing: every call computes. */
    ResultCache NONE = new ResultCache() {
        @Override
        public <T> T get(String metric, Object arguments, Supplier<T> compute) {
            return compute.get();
        }
    };
}
