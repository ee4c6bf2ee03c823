package org.openhaven.engine.error;

/** What kind of failure happened, so the UI can pick an icon and the applier can decide on retries. */
public enum ErrorCategory {
    /** Credentials were rejected or lack a permission. Never retried; never means "resource gone". */
    AUTH,
    /** An account limit or quota was reached. */
    QUOTA,
    /** The network or the remote API could not be reached, or timed out. */
    NETWORK,
    /** A provider API answered with an error that is not one of the above. */
    PROVIDER_API,
    /** A command on the server failed. */
    REMOTE_COMMAND,
    /** The user's spec, flags or files are wrong. */
    CONFIG,
    /** Another apply holds the haven's lock. */
    LOCKED,
    /** The user cancelled. */
    CANCELLED,
    /** A bug or an unexpected state in OpenHaven itself. */
    INTERNAL
}
