package org.openhaven.engine.plan;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.openhaven.engine.error.OpenHavenException;

/**
 * How often and how long to retry a step that failed with a retryable error: exponential backoff
 * {@code base·2^(n-1)} capped at {@code cap}, with "equal jitter" (a random point in the upper half) so many
 * clients do not retry in lockstep. Throttling waits at least the server's Retry-After.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Whether another attempt follows failure number {@code attempt} (1-based) with this error. */
    public boolean shouldRetry(int attempt, OpenHavenException failure) {
        return failure.retryable() && attempt < maxAttempts;
    }

    /**
     * The pause after failure number {@code attempt}; {@code random} yields values in [0, 1).
     * Between half and all of the capped exponential delay, and never below a Retry-After.
     */
    public Duration delay(int attempt, OpenHavenException failure, DoubleSupplier random) {
        long baseMs = base.toMillis();
        long exponential = baseMs << Math.min(attempt - 1, 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, cap.toMillis());
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        Duration backoff = Duration.ofMillis(jittered);
        return failure.retryAfter()
                .filter(after -> after.compareTo(backoff) > 0)
                .orElse(backoff);
    }
}
