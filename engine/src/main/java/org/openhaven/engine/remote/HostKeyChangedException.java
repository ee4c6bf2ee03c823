package org.openhaven.engine.remote;

import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * The server presented a host key other than the one pinned at first contact. Never retried: connecting anyway
 * could hand the haven's secrets to someone else.
 */
public final class HostKeyChangedException extends OpenHavenException {

    private final String pinned;
    private final String presented;

    HostKeyChangedException(SshTarget target, String pinned, String presented, Throwable cause) {
        super(OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "The server at " + target.address() + " presented a different SSH host key than the one "
                                + "recorded for this haven (expected " + pinned + ", got " + presented + "). "
                                + "This happens when the server was rebuilt or reinstalled, when its IP address now "
                                + "belongs to another machine, or when someone intercepts the connection.")
                .remedy("If you rebuilt the server on purpose, check the new fingerprint on the provider's console "
                        + "and trust it with: openhaven trust-host --host " + target.host()
                        + (target.port() == 22 ? "" : " --port " + target.port()) + " --fingerprint " + presented
                        + ". Otherwise do not connect, and find out why the key changed.")
                .retryable(false)
                .cause(cause));
        this.pinned = pinned;
        this.presented = presented;
    }

    public String pinned() {
        return pinned;
    }

    public String presented() {
        return presented;
    }
}
