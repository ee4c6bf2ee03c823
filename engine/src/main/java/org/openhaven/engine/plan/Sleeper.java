package org.openhaven.engine.plan;

import java.time.Duration;

/** Waits. Injected so tests run retries and deadlines on a fake clock instead of real time. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps for {@code duration} or until cancellation (then throws CANCELLED). */
    void sleep(Duration duration, CancellationToken cancellation);

    /** Real time, in slices short enough to notice cancellation promptly. */
    Sleeper SYSTEM = (duration, cancellation) -> {
        long end = System.nanoTime() + duration.toNanos();
        while (true) {
            cancellation.throwIfCancelled();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CancellationToken.cancelledException();
            }
        }
    };
}
