package org.openhaven.engine.remote;

/**
 * Receives a remote command's output line by line while it runs (the applier turns these into
 * {@code ProgressEvent.LogLine}s). Called from reader threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface OutputConsumer {

    OutputConsumer IGNORE = line -> { };

    void accept(OutputLine line);
}
