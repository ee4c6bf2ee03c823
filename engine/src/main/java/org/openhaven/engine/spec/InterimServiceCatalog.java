package org.openhaven.engine.spec;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openhaven.engine.catalog.ServiceCatalog;

/**
 * INTERIM: the selectable service ids, standing in for the template catalog until it is wired into
 * {@link SpecContext#builtIn()}. It knows ids only — no dependencies and no memory figures (it reports 0 MiB), so
 * with it the validator checks ids but not whether the services fit the server.
 */
final class InterimServiceCatalog implements ServiceCatalog {

    private static final Set<String> SELECTABLE = Set.of("vaultwarden", "gitea", "nextcloud", "onlyoffice",
            "wireguard", "ollama", "open-webui", "backup", "mail");
    private static final Set<String> INTERNAL = Set.of("traefik", "keycloak", "postgres", "redis", "portal",
            "oauth2-proxy");

    @Override
    public Set<String> selectableIds() {
        return SELECTABLE;
    }

    @Override
    public Set<String> allIds() {
        Set<String> all = new TreeSet<>(SELECTABLE);
        all.addAll(INTERNAL);
        return all;
    }

    @Override
    public List<String> resolve(Collection<String> selected) {
        Set<String> resolved = new TreeSet<>(selected);
        resolved.add("traefik");
        return List.copyOf(resolved);
    }

    @Override
    public int minimumMemoryMb(String id) {
        return 0;
    }
}
