package org.openhaven.engine.haven;

/**
 * The SSH host key a server presented and the connection accepted.
 *
 * @param fingerprint  {@code SHA256:…}; public, not a secret
 * @param firstContact true when no pin existed for the server, so this key was trusted now
 */
public record MetHostKey(String fingerprint, boolean firstContact) {
}
