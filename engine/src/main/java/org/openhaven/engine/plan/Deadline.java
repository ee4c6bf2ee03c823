package org.openhaven.engine.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** A point in time after which a named wait gives up, with a message that says what it waited for. */
public final class Deadline {

    private final Clock clock;
    private final Instant end;
    private final Duration budget;
    private final String waitingFor;

    private Deadline(Clock clock, Duration budget, String waitingFor) {
        this.clock = clock;
        this.budget = budget;
        this.end = clock.instant().plus(budget);
        this.waitingFor = waitingFor;
    }

    /** @param waitingFor what is awaited, completing "waiting for …" ({@code "the server to start"}) */
    public static Deadline after(Clock clock, Duration budget, String waitingFor) {
        return new Deadline(clock, budget, waitingFor);
    }

    public boolean expired() {
        return !clock.instant().isBefore(end);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public String waitingFor() {
        return waitingFor;
    }

    /** Throws the timeout when the deadline has passed. */
    public void check() {
        if (expired()) {
            throw timeout(null);
        }
    }

    /** The timeout error; {@code lastProblem} (may be null) says what the last attempt saw. */
    public OpenHavenException timeout(String lastProblem) {
        String message = "Gave up after " + human(budget) + " waiting for " + waitingFor + "."
                + (lastProblem == null ? "" : " Last seen: " + lastProblem);
        return OpenHavenException.of(ErrorCategory.NETWORK, message)
                .remedy("Check that it is reachable, then run the command again; it continues where it stopped.")
                .build();
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
