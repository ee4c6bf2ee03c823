package org.openhaven.engine.cli;

import java.nio.file.Path;
import java.util.List;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogLoader;

/**
 * The catalog shipped in the engine jar, loaded once per process (it is immutable). When
 * {@value #OVERRIDES_ENV} names a directory, its service folders replace the built-in ones of the same id.
 */
final class BuiltInCatalog {

    /** A directory of service folders that replace built-in services (e.g. images from a private mirror). */
    static final String OVERRIDES_ENV = "OPENHAVEN_CATALOG_OVERRIDES";

    private static Catalog catalog;

    private BuiltInCatalog() {
    }

    static synchronized Catalog get() {
        if (catalog == null) {
            String overrides = System.getenv(OVERRIDES_ENV);
            catalog = overrides == null || overrides.isBlank() ? new CatalogLoader().load(List.of())
                    : new CatalogLoader().loadWithOverrides(Path.of(overrides));
        }
        return catalog;
    }
}
