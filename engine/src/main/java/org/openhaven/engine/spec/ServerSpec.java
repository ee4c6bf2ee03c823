package org.openhaven.engine.spec;

/**
 * Where the server runs. For a cloud provider ({@code hetzner}, {@code digitalocean}, {@code aws}) region and
 * size are set; for an existing server ({@code ssh}) host, port and user are set.
 *
 * @param endpoint an API base URL overriding the provider's default (API proxies, compatible clouds, fakes);
 *                 null for the default
 */
public record ServerSpec(
        String provider,
        String region,
        String size,
        String host,
        Integer port,
        String user,
        String endpoint) {

    public boolean isExistingServer() {
        return "ssh".equals(provider);
    }
}
