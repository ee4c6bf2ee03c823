package org.openhaven.engine.state;

import java.util.Map;
import java.util.TreeMap;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.ResourceKind;

/**
 * A resource the haven owns, as recorded in {@code state.json}.
 *
 * @param key        our stable key for it ({@code server}, {@code dns:A:cloud.example.org})
 * @param providerId the provider's id, so later runs find it without guessing
 * @param properties the desired properties it was created with; the planner compares them to find updates
 * @param attributes provider facts (address, region); never secrets
 */
public record ResourceRecord(String key, ResourceKind kind, String providerId, String name,
                             Map<String, String> properties, Map<String, String> attributes) {

    public ResourceRecord {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties == null ? Map.of() : properties));
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }

    public static ResourceRecord of(String key, CloudResource resource, Map<String, String> properties) {
        return new ResourceRecord(key, resource.kind(), resource.providerId(), resource.name(), properties,
                resource.attributes());
    }

    public CloudResource toCloudResource() {
        return new CloudResource(kind, providerId, name, attributes);
    }
}
