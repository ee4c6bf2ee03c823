package org.openhaven.engine.backup;

import org.openhaven.engine.remote.RemoteCommand;

/**
 * Runs a command where the haven's backup lives: on the server over SSH in production, a local process in tests.
 * The backup package's seam to the remote executor; it returns failures as results so callers can map
 * restic's messages to advice.
 */
@FunctionalInterface
public interface CommandRunner {

    CommandResult run(RemoteCommand command);
}
