package org.openhaven.engine.haven;

import org.openhaven.engine.secrets.Secret;

/** Where and as whom to reach the haven's server over SSH. */
public record HostTarget(String host, int port, String user, Secret privateKeyOpenSsh) {
}
