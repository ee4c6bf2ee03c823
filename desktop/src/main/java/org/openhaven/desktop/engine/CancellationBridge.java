package org.openhaven.desktop.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openhaven.engine.plan.CancellationToken;

/**
 * Forwards the UI's cancel request to the engine's token while an apply runs: the UI's {@link Cancellation} is a
 * plain flag, the engine checks its own token between steps and while it waits.
 */
final class CancellationBridge implements AutoCloseable {

    private final ScheduledExecutorService watcher;

    private CancellationBridge(ScheduledExecutorService watcher) {
        this.watcher = watcher;
    }

    static CancellationBridge watch(Cancellation cancellation, CancellationToken token) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openhaven-cancel-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (cancellation.isRequested()) {
                token.cancel();
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return new CancellationBridge(watcher);
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
