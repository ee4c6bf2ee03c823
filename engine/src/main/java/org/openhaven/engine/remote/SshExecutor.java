package org.openhaven.engine.remote;

import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands over one {@link SshConnection}. A non-root login runs each command through {@code sudo -n sh -c},
 * so the builders never think about privileges and a missing sudo rule fails at once instead of prompting.
 */
public final class SshExecutor implements RemoteExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SshExecutor.class);
    private final SshConnection connection;

    public SshExecutor(SshConnection connection) {
        this.connection = connection;
    }

    /** The exact line sent to the server's login shell for a command run by {@code user}. */
    public static String wireLine(RemoteCommand command, boolean asRoot) {
        return asRoot ? command.shellLine() : Shell.sudo(command).shellLine();
    }

    @Override
    public ExecResult run(RemoteCommand command, InputStream stdin, OutputConsumer output) {
        LOG.debug("{}: {}", connection.target().address(), command.description());
        return connection.exec(wireLine(command, connection.target().isRoot()), stdin, output);
    }
}
