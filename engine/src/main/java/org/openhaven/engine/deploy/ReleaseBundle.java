package org.openhaven.engine.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * What a deploy puts on the server: the rendered bundle (the catalog's output, adapted to this record by the
 * caller), its content hash, the services whose health decides success, and commands to run once the stack is
 * healthy.
 *
 * @param hash        content hash of the bundle; names the release directory, so equal bundles are one release
 * @param files       relative path → content, including {@code compose.yaml} and {@code .env}
 * @param services    the compose services to wait for, each with its own deadline
 * @param postDeploy  commands to run after all services are healthy (e.g. create the first admin); must be
 *                    idempotent, since a re-run deploy runs them again
 * @param firewall    the host's nftables ruleset (see {@code host.FirewallRuleset}) loaded before the stack starts,
 *                    so ports of newly added services open; empty leaves the host firewall as it is
 */
public record ReleaseBundle(String hash, Map<String, byte[]> files, List<ServiceCheck> services,
        List<RemoteCommand> postDeploy, String firewall) {

    /** Files only root may read on the server. */
    public static final List<String> SECRET_FILES = List.of(".env");

    public ReleaseBundle {
        if (!hash.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("a release hash must be a plain file name: " + hash);
        }
        if (!files.containsKey("compose.yaml")) {
            throw new IllegalArgumentException("a release needs a compose.yaml");
        }
        files.keySet().forEach(ReleaseBundle::requireRelative);
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        services = List.copyOf(services);
        postDeploy = List.copyOf(postDeploy);
        firewall = Objects.requireNonNullElse(firewall, "");
    }

    /** A bundle that leaves the host firewall alone. */
    public ReleaseBundle(String hash, Map<String, byte[]> files, List<ServiceCheck> services,
            List<RemoteCommand> postDeploy) {
        this(hash, files, services, postDeploy, "");
    }

    private static void requireRelative(String path) {
        if (path.startsWith("/") || path.equals("..") || path.startsWith("../") || path.contains("/../")) {
            throw new IllegalArgumentException("bundle paths must stay inside the release: " + path);
        }
    }

    /**
     * A service whose health the deploy waits for.
     *
     * @param service  the compose service name
     * @param deadline how long it may take to become healthy (or merely running, when it has no health check)
     */
    public record ServiceCheck(String service, Duration deadline) {
        public ServiceCheck {
            Objects.requireNonNull(service);
            if (!service.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException("not a compose service name: " + service);
            }
        }
    }
}
