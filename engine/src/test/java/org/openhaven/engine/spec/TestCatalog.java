package org.openhaven.engine.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openhaven.engine.catalog.ServiceCatalog;
import org.openhaven.engine.cloud.ServerType;

/**
 * A test-scope catalog with the real catalog's ids and plausible dependencies and memory figures, so the spec
 * tests do not depend on the catalog's templates; and a table of Hetzner sizes for the memory checks.
 */
final class TestCatalog implements ServiceCatalog {

    private record Service(int memoryMb, boolean selectable, List<String> dependencies) {
    }

    private static final Map<String, Service> SERVICES = Map.ofEntries(
            Map.entry("traefik", new Service(128, false, List.of())),
            Map.entry("keycloak", new Service(768, false, List.of("postgres"))),
            Map.entry("postgres", new Service(256, false, List.of())),
            Map.entry("redis", new Service(64, false, List.of())),
            Map.entry("oauth2-proxy", new Service(32, false, List.of("keycloak"))),
            Map.entry("portal", new Service(32, false, List.of())),
            Map.entry("vaultwarden", new Service(128, true, List.of("postgres"))),
            Map.entry("gitea", new Service(256, true, List.of("postgres"))),
            Map.entry("nextcloud", new Service(1024, true, List.of("postgres", "redis"))),
            Map.entry("onlyoffice", new Service(2048, true, List.of("nextcloud"))),
            Map.entry("wireguard", new Service(32, true, List.of())),
            Map.entry("ollama", new Service(4096, true, List.of())),
            Map.entry("open-webui", new Service(512, true, List.of("ollama", "oauth2-proxy"))),
            Map.entry("backup", new Service(64, true, List.of())),
            Map.entry("mail", new Service(512, true, List.of())));

    private static final List<String> ALWAYS_ON = List.of("traefik", "keycloak", "portal");

    /** Hetzner's shared-vCPU sizes with their real memory. */
    static final ServerSizes HETZNER_SIZES = new ServerTypeTable(Map.of("hetzner", List.of(
            size("cx22", 4096, "4.59"), size("cx32", 8192, "7.59"), size("cx42", 16384, "18.59"),
            size("cx52", 32768, "36.09"))));

    private static ServerType size(String id, int memoryMb, String price) {
        return new ServerType(id, id, 2, memoryMb, 40, new BigDecimal(price), "EUR", List.of(), "test table");
    }

    @Override
    public Set<String> selectableIds() {
        Set<String> ids = new TreeSet<>();
        SERVICES.forEach((id, service) -> {
            if (service.selectable()) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Override
    public Set<String> allIds() {
        return new TreeSet<>(SERVICES.keySet());
    }

    @Override
    public List<String> resolve(Collection<String> selected) {
        Set<String> ordered = new LinkedHashSet<>();
        List<String> roots = new ArrayList<>(ALWAYS_ON);
        roots.addAll(selected);
        new TreeSet<>(roots).forEach(id -> visit(id, ordered));
        return List.copyOf(ordered);
    }

    private void visit(String id, Set<String> ordered) {
        if (ordered.contains(id)) {
            return;
        }
        new TreeSet<>(SERVICES.get(id).dependencies()).forEach(dependency -> visit(dependency, ordered));
        ordered.add(id);
    }

    @Override
    public int minimumMemoryMb(String id) {
        return SERVICES.get(id).memoryMb();
    }
}
