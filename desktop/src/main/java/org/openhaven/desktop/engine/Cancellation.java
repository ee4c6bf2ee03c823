package org.openhaven.desktop.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel request the UI hands to a long-running engine call, which checks it between steps. */
public final class Cancellation {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void cancel() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }
}
