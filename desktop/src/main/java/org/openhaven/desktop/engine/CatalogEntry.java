package org.openhaven.desktop.engine;

import java.util.List;

/**
 * One service as the services page shows it.
 *
 * @param dependencies ids this service pulls in (internal ones such as postgres included)
 * @param selectable   false for internal dependencies, which are shown only as "added automatically"
 */
public record CatalogEntry(String id, String name, String description, int memoryMb, List<String> dependencies,
                           boolean selectable) {

    public CatalogEntry {
        dependencies = List.copyOf(dependencies);
    }
}
