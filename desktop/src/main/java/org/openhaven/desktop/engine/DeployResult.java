package org.openhaven.desktop.engine;

import java.util.List;
import org.openhaven.engine.secrets.Secret;

/**
 * What the Done page shows after a successful apply.
 *
 * @param serviceLinks    one per service: a display name and its https URL
 * @param adminPassword   the owner's first administrator password
 * @param peers           the WireGuard peers with their client configurations
 */
public record DeployResult(List<Link> serviceLinks, String adminUser, Secret adminPassword, List<VpnPeer> peers) {

    public DeployResult {
        serviceLinks = List.copyOf(serviceLinks);
        peers = List.copyOf(peers);
    }

    /** A service and where it answers. */
    public record Link(String id, String name, String url) {
    }
}
