package org.openhaven.engine.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.render.StackRenderer;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The WireGuard client configuration of each VPN peer, rendered from the same vault keys a deploy uses, so the
 * desktop can show a phone's QR code without a file on disk. Public API for the desktop.
 */
public final class ClientConfigs {

    private static final String PREFIX = "wireguard/";
    private static final String SUFFIX = ".conf";

    private ClientConfigs() {
    }

    /** Peer name → its client configuration (holding the peer's private key, hence a Secret). */
    public static Map<String, Secret> of(HavenSpec spec, SecretStore secrets) {
        return of(spec, secrets, BuiltInCatalog.get());
    }

    /** As above, rendered with {@code catalog}: the one the caller deploys with, so every service id is known. */
    public static Map<String, Secret> of(HavenSpec spec, SecretStore secrets, Catalog catalog) {
        Map<String, Secret> configs = new LinkedHashMap<>();
        new StackRenderer(catalog).render(spec, secrets).clientFiles().forEach((path, bytes) -> {
            if (path.startsWith(PREFIX) && path.endsWith(SUFFIX)) {
                String peer = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
                configs.put(peer, Secret.of(new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        return configs;
    }
}
