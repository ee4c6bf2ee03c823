package org.openhaven.engine.cli;

import java.util.List;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogLoader;

/** The catalog shipped in the engine jar, loaded once per process (it is immutable). */
final class BuiltInCatalog {

    private static Catalog catalog;

    private BuiltInCatalog() {
    }

    static synchronized Catalog get() {
        if (catalog == null) {
            catalog = new CatalogLoader().load(List.of());
        }
        return catalog;
    }
}
