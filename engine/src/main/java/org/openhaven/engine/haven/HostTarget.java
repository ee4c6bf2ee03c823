package org.openhaven.engine.haven;

import org.openhaven.engine.secrets.Secret;

/**
 * Where and as whom to reach the haven's server over SSH.
 *
 * @param recordedHostKey the host key fingerprint the haven's state recorded for this address, or null; the
 *                        connection expects it when the OpenHaven home's {@code known_hosts} has no pin for the server
 */
public record HostTarget(String host, int port, String user, Secret privateKeyOpenSsh, String recordedHostKey) {

    /** A target without a recorded host key (first contact, or a test). */
    public HostTarget(String host, int port, String user, Secret privateKeyOpenSsh) {
        this(host, port, user, privateKeyOpenSsh, null);
    }
}
