package org.openhaven.engine.render;

import java.nio.file.Path;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.haven.BundleRenderer;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The engine's {@link BundleRenderer} seam backed by the catalog renderer: writes the server files only (the
 * WireGuard device configurations stay with the user) and returns the bundle hash as the release id.
 */
public final class StackBundleRenderer implements BundleRenderer {

    private final StackRenderer renderer;

    public StackBundleRenderer(Catalog catalog) {
        this.renderer = new StackRenderer(catalog);
    }

    /** The renderer over the built-in catalog. */
    public static StackBundleRenderer builtIn() {
        return new StackBundleRenderer(Catalog.builtIn());
    }

    @Override
    public String render(HavenSpec spec, SecretStore secrets, Path outDir) {
        return render(spec, secrets, HostFacts.UNKNOWN, outDir);
    }

    @Override
    public String render(HavenSpec spec, SecretStore secrets, HostFacts host, Path outDir) {
        RenderedBundle bundle = renderer.render(spec, secrets, host);
        bundle.writeTo(outDir);
        return bundle.manifest().bundleHash();
    }
}
