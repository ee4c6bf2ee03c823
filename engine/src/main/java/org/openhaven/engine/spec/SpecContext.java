package org.openhaven.engine.spec;

import org.openhaven.engine.catalog.ServiceCatalog;

/**
 * What spec validation consults: the service catalog and the providers' server sizes. The one place that wires
 * the built-in implementations, so the CLI commands and the desktop validate against the same data.
 */
public record SpecContext(ServiceCatalog catalog, ServerSizes sizes) {

    /** The catalog and size tables that ship with OpenHaven. */
    public static SpecContext builtIn() {
        return new SpecContext(new InterimServiceCatalog(), ServerSizes.UNKNOWN);
    }

    public SpecValidator validator() {
        return new SpecValidator(catalog, sizes);
    }

    public HavenSpecLoader loader() {
        return new HavenSpecLoader(validator());
    }
}
