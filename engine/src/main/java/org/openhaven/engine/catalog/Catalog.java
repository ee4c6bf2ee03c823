package org.openhaven.engine.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.Suggestions;

/**
 * The loaded service catalog: every definition by id, dependency resolution in a deterministic order.
 * Built by {@link CatalogLoader}; immutable.
 */
public final class Catalog implements ServiceCatalog {

    private final SortedMap<String, CatalogEntry> entries;

    public Catalog(Collection<CatalogEntry> entries) {
        TreeMap<String, CatalogEntry> byId = new TreeMap<>();
        for (CatalogEntry entry : entries) {
            CatalogEntry previous = byId.put(entry.id(), entry);
            if (previous != null) {
                throw OpenHavenException.config(
                        "Two catalog folders define the service '" + entry.id() + "': " + previous.source() + " and "
                                + entry.source() + ".",
                        "Rename or remove one of them; a service id must be unique across all catalogs.");
            }
        }
        this.entries = Collections.unmodifiableSortedMap(byId);
        checkDependencies();
    }

    /** The catalog folders packaged in the engine jar. */
    public static Catalog builtIn() {
        return new CatalogLoader().loadBuiltIn();
    }

    public CatalogEntry entry(String id) {
        CatalogEntry entry = entries.get(id);
        if (entry == null) {
            throw unknown(id);
        }
        return entry;
    }

    public ServiceDefinition definition(String id) {
        return entry(id).definition();
    }

    /** Every entry, by id. */
    public SortedMap<String, CatalogEntry> entries() {
        return entries;
    }

    @Override
    public Set<String> selectableIds() {
        Set<String> ids = new TreeSet<>();
        entries.values().stream().filter(e -> e.definition().selectable()).forEach(e -> ids.add(e.id()));
        return Collections.unmodifiableSet(ids);
    }

    @Override
    public Set<String> allIds() {
        return entries.keySet();
    }

    /**
     * Depth-first post-order over the selection plus the always-on services, each visited in id order, so
     * dependencies come before dependents and the same input always gives the same list.
     */
    @Override
    public List<String> resolve(Collection<String> selected) {
        Set<String> roots = new TreeSet<>(selected);
        entries.values().stream().filter(e -> e.definition().always()).forEach(e -> roots.add(e.id()));
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        for (String root : roots) {
            visit(root, ordered, new ArrayList<>());
        }
        return List.copyOf(ordered);
    }

    private void visit(String id, LinkedHashSet<String> done, List<String> path) {
        if (done.contains(id)) {
            return;
        }
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            throw OpenHavenException.config(
                    "The catalog has a dependency cycle: " + String.join(" → ", cycle) + ".",
                    "Remove one of these dependencies in the services' service.yaml files.");
        }
        ServiceDefinition definition = definition(id);
        path.add(id);
        for (String dependency : new TreeSet<>(definition.dependencies())) {
            visit(dependency, done, path);
        }
        path.remove(path.size() - 1);
        done.add(id);
    }

    @Override
    public int minimumMemoryMb(String id) {
        return definition(id).memoryMb();
    }

    private void checkDependencies() {
        for (Map.Entry<String, CatalogEntry> entry : entries.entrySet()) {
            for (String dependency : entry.getValue().definition().dependencies()) {
                if (!entries.containsKey(dependency)) {
                    throw OpenHavenException.config(
                            "The service '" + entry.getKey() + "' (" + entry.getValue().source()
                                    + ") depends on '" + dependency + "', which no catalog defines.",
                            "Add the missing service folder or fix field 'dependencies'.");
                }
            }
        }
        resolve(entries.keySet()); // fails early on a cycle
    }

    private OpenHavenException unknown(String id) {
        String suggestion = Suggestions.didYouMean(id, selectableIds());
        return OpenHavenException.config(
                "There is no service called '" + id + "' in the catalog" + suggestion + ".",
                "Choose from: " + String.join(", ", selectableIds()) + ".");
    }
}
