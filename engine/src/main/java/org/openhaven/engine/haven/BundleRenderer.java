package org.openhaven.engine.haven;

import java.nio.file.Path;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/** Seam to the render module: writes the stack bundle for a spec into a directory. */
@FunctionalInterface
public interface BundleRenderer {

    /**
     * Renders the bundle into {@code outDir} (created empty by the caller); deterministic, so the same spec and
     * secrets give the same hash.
     *
     * @return a content hash of the bundle, used as its release id on the server
     */
    String render(HavenSpec spec, SecretStore secrets, Path outDir);
}
