package org.openhaven.engine.host;

import java.util.Objects;

/**
 * What the host bootstrap sets up.
 *
 * @param adminUser       the account OpenHaven logs in as afterwards (created when missing)
 * @param adminPublicKey  the haven's public key, an {@code authorized_keys} line; never a private key or a token
 * @param mailPorts       open the mail ports (25, 465, 587, 993) because the haven runs a mail server
 * @param installPackages install Docker, nftables, unattended-upgrades, time sync and add swap; false only in the
 *                        test lab, whose image has Docker and no internet
 */
public record BootstrapOptions(String adminUser, String adminPublicKey, boolean mailPorts, boolean installPackages) {

    public BootstrapOptions {
        Objects.requireNonNull(adminUser);
        Objects.requireNonNull(adminPublicKey);
        if (!adminUser.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("not a valid Linux user name: " + adminUser);
        }
        if (!adminPublicKey.startsWith("ssh-") || adminPublicKey.contains("\n") || adminPublicKey.contains("PRIVATE")) {
            throw new IllegalArgumentException("the admin key must be one public authorized_keys line");
        }
    }
}
