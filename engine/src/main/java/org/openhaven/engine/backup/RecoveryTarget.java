package org.openhaven.engine.backup;

import org.openhaven.engine.remote.RemoteExecutor;

/**
 * The new server a haven is recovered onto, as the deploy flow hands it over: created at any provider, bootstrapped,
 * the stack deployed with empty data and DNS switched to it. The backup package needs only to place files on it
 * and run commands there.
 */
public interface RecoveryTarget {

    /** Writes a file as root with the file's mode. */
    void upload(ServerFile file);

    /** Runs commands on the new server. */
    RemoteExecutor commands();
}
