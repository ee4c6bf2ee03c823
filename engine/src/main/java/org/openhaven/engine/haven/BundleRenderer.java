package org.openhaven.engine.haven;

import java.nio.file.Path;
import org.openhaven.engine.host.HostFacts;
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

    /**
     * As {@link #render(HavenSpec, SecretStore, Path)}, for a server whose facts are known (an NVIDIA GPU makes
     * Ollama reserve it); the same spec, secrets and facts give the same hash. Renderers that ignore host facts
     * need not override it.
     */
    default String render(HavenSpec spec, SecretStore secrets, HostFacts host, Path outDir) {
        return render(spec, secrets, outDir);
    }
}
