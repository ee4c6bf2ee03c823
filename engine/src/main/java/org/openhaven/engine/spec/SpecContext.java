package org.openhaven.engine.spec;

import java.util.Map;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.ServiceCatalog;
import org.openhaven.engine.cloud.aws.AwsPrices;

/**
 * What spec validation consults: the service catalog and the providers' server sizes. The one place that wires
 * the built-in implementations, so the CLI commands and the desktop validate against the same data.
 */
public record SpecContext(ServiceCatalog catalog, ServerSizes sizes) {

    /**
     * The catalog that ships with OpenHaven, and the server sizes known offline: AWS from its bundled price table.
     * Hetzner and DigitalOcean publish sizes only through their APIs, so their size and memory checks happen when
     * the provider is asked, not here.
     */
    public static SpecContext builtIn() {
        // Memory does not depend on region or disk size; the prices this picks (highest known) are not used here.
        ServerSizes sizes = new ServerTypeTable(Map.of("aws", AwsPrices.bundled().serverTypes("", 0)));
        return new SpecContext(Catalog.builtIn(), sizes);
    }

    public SpecValidator validator() {
        return new SpecValidator(catalog, sizes);
    }

    public HavenSpecLoader loader() {
        return new HavenSpecLoader(validator());
    }
}
