package org.openhaven.engine.spec;

import java.util.Map;

/**
 * The region and size OpenHaven proposes for each cloud: a central European region and the smallest size that
 * runs the usual services (passwords, files, git) comfortably. Used by {@code openhaven init} and the wizard as
 * defaults, and by validation messages as examples.
 */
public final class ProviderDefaults {

    private record Default(String region, String size) {
    }

    private static final Map<String, Default> CLOUDS = Map.of(
            "hetzner", new Default("fsn1", "cx32"),
            "digitalocean", new Default("fra1", "s-2vcpu-4gb"),
            "aws", new Default("eu-central-1", "t3.medium"));

    private ProviderDefaults() {
    }

    /** The proposed region of a cloud provider; null for {@code ssh} and unknown providers. */
    public static String region(String provider) {
        Default value = CLOUDS.get(provider);
        return value == null ? null : value.region();
    }

    /** The proposed size of a cloud provider; null for {@code ssh} and unknown providers. */
    public static String size(String provider) {
        Default value = CLOUDS.get(provider);
        return value == null ? null : value.size();
    }
}
