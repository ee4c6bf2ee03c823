package org.openhaven.engine.plan;

/** Receives progress events. Called from the applier's worker threads: implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void onEvent(ProgressEvent event);
}
