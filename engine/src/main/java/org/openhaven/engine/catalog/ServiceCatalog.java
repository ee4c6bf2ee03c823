package org.openhaven.engine.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the rest of the engine needs to know about the catalog without depending on how services are
 * described: which ids exist, what they pull in, and how much memory they need.
 */
public interface ServiceCatalog {

    /** Ids a user may put in {@code services:} (excludes internal dependencies such as postgres). */
    Set<String> selectableIds();

    /** Every known id, selectable or internal. */
    Set<String> allIds();

    /**
     * The chosen services plus everything they depend on and every always-on service (traefik), each once,
     * dependencies before dependents, ties broken by id so the order is deterministic.
     */
    List<String> resolve(Collection<String> selected);

    /** The minimum memory one service needs, in MiB, not counting its dependencies. */
    int minimumMemoryMb(String id);

    /** The memory the resolved set of services needs, in MiB. */
    default int minimumMemoryMb(Collection<String> selected) {
        return resolve(selected).stream().mapToInt(this::minimumMemoryMb).sum();
    }
}
