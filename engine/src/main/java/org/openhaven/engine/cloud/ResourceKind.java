package org.openhaven.engine.cloud;

/** The kinds of things OpenHaven creates at a provider. */
public enum ResourceKind {
    SSH_KEY, FIREWALL, SERVER, IP, VOLUME, DNS_RECORD, BUCKET,
    /** The deployed stack on the server (a release of the rendered bundle); recorded in state, not at a provider. */
    RELEASE
}
