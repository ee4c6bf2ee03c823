package org.openhaven.engine.host;

import java.util.List;
import java.util.Objects;
import org.openhaven.engine.cloud.FirewallRule;

/**
 * What the host bootstrap sets up.
 *
 * @param adminUser       the account OpenHaven logs in as afterwards (created when missing)
 * @param adminPublicKey  the haven's public key, an {@code authorized_keys} line; never a private key or a token
 * @param openings        what the firewall opens besides SSH: the haven's desired openings (for an existing server
 *                        the rendered manifest's ports, the same list every deploy writes), so a re-run of the
 *                        bootstrap never closes a port a deploy opened
 * @param installPackages install Docker, nftables, unattended-upgrades, time sync and add swap; false only in the
 *                        test lab, whose image has Docker and no internet
 */
public record BootstrapOptions(String adminUser, String adminPublicKey, List<FirewallRule> openings,
                               boolean installPackages) {

    public BootstrapOptions {
        Objects.requireNonNull(adminUser);
        Objects.requireNonNull(adminPublicKey);
        openings = List.copyOf(openings);
        if (!adminUser.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("not a valid Linux user name: " + adminUser);
        }
        if (!adminPublicKey.startsWith("ssh-") || adminPublicKey.contains("\n") || adminPublicKey.contains("PRIVATE")) {
            throw new IllegalArgumentException("the admin key must be one public authorized_keys line");
        }
    }
}
