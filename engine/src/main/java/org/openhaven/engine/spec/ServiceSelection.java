package org.openhaven.engine.spec;

import java.util.Map;
import java.util.TreeMap;

/** One catalog service chosen by the user, with its per-service options (sorted, for deterministic output). */
public record ServiceSelection(String id, Map<String, String> options) {

    public ServiceSelection {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public static ServiceSelection of(String id) {
        return new ServiceSelection(id, Map.of());
    }
}
