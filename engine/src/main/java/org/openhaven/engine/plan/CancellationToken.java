package org.openhaven.engine.plan;

import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/** Asks a running apply to stop. The applier checks it between steps; long steps check it while they wait. */
public final class CancellationToken {

    private volatile boolean cancelled;

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws a CANCELLED exception when cancellation was asked for. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw cancelledException();
        }
    }

    static OpenHavenException cancelledException() {
        return OpenHavenException.of(ErrorCategory.CANCELLED, "The run was cancelled.")
                .remedy("Run 'openhaven apply' again to continue where it stopped.").build();
    }
}
