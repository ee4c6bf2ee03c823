package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openhaven.engine.catalog.CatalogEntry;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Merges the services' rendered compose fragments into one compose file, as YAML trees: each container gets its
 * pinned image, restart policy and health check from service.yaml, so fragments cannot drift from the catalog.
 * Only keys both Compose 1.29 and Compose v2 accept are produced.
 */
final class ComposeAssembler {

    private static final Set<String> TOP_LEVEL = Set.of("services", "volumes", "networks");

    private final Map<String, Object> services = new TreeMap<>();
    private final Map<String, Object> volumes = new TreeMap<>();

    void add(CatalogEntry entry, String renderedFragment) {
        ServiceDefinition definition = entry.definition();
        String source = entry.source() + "/compose.yaml";
        Object tree;
        try {
            tree = CanonicalYaml.load(renderedFragment);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw OpenHavenException.config("The compose fragment " + source + " is not valid YAML once rendered: "
                    + e.getMessage().lines().findFirst().orElse(""), "Fix the fragment's indentation or quoting.");
        }
        if (!(tree instanceof Map<?, ?> fragment) || !(fragment.get("services") instanceof Map<?, ?> containers)) {
            throw OpenHavenException.config("The compose fragment " + source + " has no services: mapping.",
                    "A fragment defines its containers under services:.");
        }
        for (Object key : fragment.keySet()) {
            if (!TOP_LEVEL.contains(String.valueOf(key))) {
                throw OpenHavenException.config("The compose fragment " + source + " uses the top-level key '" + key
                        + "', which the renderer does not merge.", "Use only services, volumes and networks.");
            }
        }
        for (Map.Entry<?, ?> container : containers.entrySet()) {
            String name = String.valueOf(container.getKey());
            if (!definition.images().containsKey(name)) {
                throw OpenHavenException.config("The compose fragment " + source + " defines the container '" + name
                        + "', which service.yaml has no image for.", "Add it under images: in service.yaml.");
            }
            if (services.containsKey(name)) {
                throw OpenHavenException.config("Two services define the container '" + name + "'.",
                        "Container names must be unique across the catalog.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = container.getValue() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) container.getValue());
            if (body.containsKey("image") || body.containsKey("healthcheck")) {
                throw OpenHavenException.config("The compose fragment " + source + " sets image or healthcheck for '"
                        + name + "'.", "Both come from service.yaml (images:, health:); remove them from the fragment.");
            }
            body.put("image", definition.images().get(name));
            body.putIfAbsent("restart", "unless-stopped");
            body.put("healthcheck", healthcheck(definition, name));
            services.put(name, body);
        }
        if (fragment.get("volumes") instanceof Map<?, ?> fragmentVolumes) {
            fragmentVolumes.forEach((k, v) -> volumes.put(String.valueOf(k), v == null ? Map.of() : v));
        }
    }

    /**
     * Lets containers reach every public host name through Traefik on the private network, so a service talks to
     * Keycloak at its public issuer URL without leaving the server (no hairpin NAT needed).
     */
    @SuppressWarnings("unchecked")
    void aliasHostsToProxy(String proxyContainer, List<String> hostNames) {
        Map<String, Object> proxy = (Map<String, Object>) services.get(proxyContainer);
        if (proxy != null && !hostNames.isEmpty()) {
            proxy.put("networks", Map.of("default", Map.of("aliases", new ArrayList<>(hostNames))));
        }
    }

    /** Adds environment variables to a container (Keycloak's client secrets, which depend on the selection). */
    @SuppressWarnings("unchecked")
    void addEnvironment(String container, Map<String, String> variables) {
        Map<String, Object> body = (Map<String, Object>) services.get(container);
        if (body == null || variables.isEmpty()) {
            return;
        }
        Map<String, Object> environment = body.get("environment") instanceof Map<?, ?> existing
                ? new TreeMap<>((Map<String, Object>) existing) : new TreeMap<>();
        environment.putAll(variables);
        body.put("environment", environment);
    }

    /**
     * Labels each container that mounts bundle files with their hash ({@link ConfigHashLabels}). Called once all
     * other files of the bundle are rendered, so the hash covers every file under each mounted path.
     */
    void labelConfigHashes(SortedMap<String, byte[]> bundleFiles) {
        ConfigHashLabels.apply(services, bundleFiles);
    }

    private static Map<String, Object> healthcheck(ServiceDefinition definition, String container) {
        ServiceDefinition.HealthCheck check = definition.health().stream()
                .filter(h -> container.equals(h.container())).findFirst().orElseThrow();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("test", new ArrayList<>(check.test()));
        health.put("interval", "30s");
        health.put("timeout", "10s");
        health.put("retries", 5);
        health.put("start_period", check.startPeriodSeconds() + "s");
        return health;
    }

    String toYaml() {
        Map<String, Object> root = new TreeMap<>();
        root.put("services", services);
        if (!volumes.isEmpty()) {
            root.put("volumes", volumes);
        }
        return "# The haven's stack, rendered by OpenHaven. Secret values stay in .env; this file only names them.\n"
                + CanonicalYaml.dump(root);
    }
}
