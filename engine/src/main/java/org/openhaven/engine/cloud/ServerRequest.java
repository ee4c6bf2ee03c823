package org.openhaven.engine.cloud;

/**
 * What to create. {@code userData} is cloud-init; it never contains a cloud API token.
 *
 * @param image     an OS image id or name the provider understands ({@code debian-12}); providers map it
 * @param sshKey    the key resource from {@link CloudProvider#ensureSshKey}
 * @param firewall  the firewall resource from {@link CloudProvider#ensureFirewall}; null where the provider
 *                  attaches firewalls differently
 */
public record ServerRequest(
        String name,
        String region,
        String size,
        String image,
        String userData,
        CloudResource sshKey,
        CloudResource firewall) {
}
