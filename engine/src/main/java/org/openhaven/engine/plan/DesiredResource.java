package org.openhaven.engine.plan;

import java.util.Map;
import java.util.TreeMap;
import org.openhaven.engine.cloud.ResourceKind;

/**
 * A resource the spec asks for.
 *
 * @param key        stable key shared with {@code state.json} ({@code server}, {@code dns:A:example.org})
 * @param properties what decides whether an existing resource needs an update (size, region, rules); no secrets
 */
public record DesiredResource(String key, ResourceKind kind, String name, Map<String, String> properties) {

    public DesiredResource {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
