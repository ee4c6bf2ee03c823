package org.openhaven.engine.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Waits for a condition with a deadline and a growing interval, and names what it waited for when time runs
 * out. Used for "server running", "DNS record visible" and similar waits instead of sleep loops.
 */
public final class Polling {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration firstInterval;
    private final Duration maxInterval;

    public Polling(Clock clock, Sleeper sleeper, Duration firstInterval, Duration maxInterval) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
    }

    public static Polling standard() {
        return new Polling(Clock.systemUTC(), Sleeper.REAL, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /**
     * Calls {@code probe} until it returns a value or the deadline passes.
     *
     * @param what   what is awaited, for the timeout message ("the server myhaven-server to run")
     * @param remedy what the user can do when it never happens
     */
    public <T> T until(String what, Duration deadline, String remedy, Supplier<Optional<T>> probe) {
        Instant end = clock.instant().plus(deadline);
        Duration interval = firstInterval;
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (!clock.instant().isBefore(end)) {
                throw OpenHavenException.of(ErrorCategory.PROVIDER_API,
                                "Gave up waiting for " + what + " after " + deadline.toSeconds() + " s.")
                        .remedy(remedy)
                        .retryable(true)
                        .build();
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw OpenHavenException.of(ErrorCategory.CANCELLED, "Waiting for " + what + " was cancelled.")
                        .build();
            }
            interval = interval.multipliedBy(2).compareTo(maxInterval) > 0 ? maxInterval : interval.multipliedBy(2);
        }
    }
}
