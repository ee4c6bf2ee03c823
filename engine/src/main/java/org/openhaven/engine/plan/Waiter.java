package org.openhaven.engine.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.openhaven.engine.error.OpenHavenException;

/** Polls until a condition holds, with a deadline and growing intervals, never a bare sleep loop. */
public final class Waiter {

    private final Clock clock;
    private final Sleeper sleeper;

    public Waiter(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Calls {@code probe} until it returns a value, a retryable failure keeps the wait going, anything else ends it.
     *
     * @param waitingFor  what is awaited, for the timeout message ({@code "SSH on 203.0.113.7:22"})
     * @param firstPoll   the first pause between probes; it doubles up to 30 s
     */
    public <T> T until(String waitingFor, Duration budget, Duration firstPoll, CancellationToken cancellation,
                       Supplier<Optional<T>> probe) {
        Deadline deadline = Deadline.after(clock, budget, waitingFor);
        Duration poll = firstPoll;
        String lastProblem = null;
        while (true) {
            cancellation.throwIfCancelled();
            try {
                Optional<T> result = probe.get();
                if (result.isPresent()) {
                    return result.get();
                }
            } catch (OpenHavenException e) {
                if (!e.retryable()) {
                    throw e;
                }
                lastProblem = e.userMessage();
            }
            if (deadline.expired()) {
                throw deadline.timeout(lastProblem);
            }
            Duration pause = poll.compareTo(deadline.remaining()) < 0 ? poll : deadline.remaining();
            sleeper.sleep(pause, cancellation);
            poll = poll.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : poll.multipliedBy(2);
        }
    }
}
