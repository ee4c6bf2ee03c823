package org.openhaven.engine.remote;

import java.util.Objects;

/**
 * Where to log in: a host, its SSH port and the account to use.
 *
 * @param host a DNS name or an IP address
 * @param port the SSH port, usually 22
 * @param user the login; commands run through {@code sudo -n} unless it is {@code root}
 */
public record SshTarget(String host, int port, String user) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
    }

    public boolean isRoot() {
        return "root".equals(user);
    }

    /** {@code user@host:port}, for messages. */
    public String describe() {
        return user + "@" + host + ":" + port;
    }

    /** {@code host:port}, for messages about reachability. */
    public String address() {
        return host + ":" + port;
    }
}
