package org.openhaven.engine.cloud;

import java.util.Map;
import java.util.TreeMap;

/**
 * Something that exists at a provider and belongs to a haven (it carries the label {@code openhaven=<haven>}).
 *
 * @param providerId the provider's own id (Hetzner server id, EC2 instance id, Cloudflare record id …)
 * @param name       our name for it, e.g. {@code myhaven-server}
 * @param attributes provider facts worth keeping (public IPv4, region, size); never secrets
 */
public record CloudResource(ResourceKind kind, String providerId, String name, Map<String, String> attributes) {

    public CloudResource {
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
