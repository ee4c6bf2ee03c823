package org.openhaven.desktop.ui;

import java.time.Duration;

/** Runs something later; injected so tests control time instead of sleeping. */
@FunctionalInterface
public interface Scheduler {

    void schedule(Duration delay, Runnable task);
}
