package org.openhaven.desktop.app;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the engine calls under way on an executor (a deploy, an apply, a peer added, a status poll), so closing
 * the window can tell whether the window process may end, and hears when the last one finished.
 */
public final class WorkInFlight implements Executor {

    private final Executor delegate;
    private final AtomicInteger running = new AtomicInteger();
    private volatile Runnable onIdle = () -> { };

    public WorkInFlight(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        running.incrementAndGet();
        try {
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException rejected) {
            finished();
            throw rejected;
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            onIdle.run();
        }
    }

    public boolean isBusy() {
        return running.get() > 0;
    }

    /** Called on the worker thread each time the last running call finished. */
    public void onIdle(Runnable listener) {
        onIdle = listener;
    }
}
