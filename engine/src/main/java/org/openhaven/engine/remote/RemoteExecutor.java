package org.openhaven.engine.remote;

import java.io.InputStream;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Runs {@link RemoteCommand}s on the haven's server. Every call is one SSH round trip; batch several commands
 * with {@link Shell#script} where that saves round trips.
 */
public interface RemoteExecutor {

    /** Runs the command, streaming its output; returns however it ended (a non-zero exit is not an exception). */
    ExecResult run(RemoteCommand command, InputStream stdin, OutputConsumer output);

    default ExecResult run(RemoteCommand command, OutputConsumer output) {
        return run(command, null, output);
    }

    /** Runs the command and fails with a REMOTE_COMMAND error naming it and its last output lines unless it exits 0. */
    default ExecResult runChecked(RemoteCommand command, InputStream stdin, OutputConsumer output) {
        ExecResult result = run(command, stdin, output);
        if (!result.succeeded()) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                            "The server could not " + command.description() + " (exit code " + result.exitCode()
                                    + "):\n" + result.tail(10))
                    .remedy("Read the lines above; fix the cause on the server or in the haven's settings, "
                            + "then run the command again.")
                    .build();
        }
        return result;
    }

    default ExecResult runChecked(RemoteCommand command, OutputConsumer output) {
        return runChecked(command, null, output);
    }
}
