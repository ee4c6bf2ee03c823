package org.openhaven.engine.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.haven.SpecReader;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.state.HavenStore;

/**
 * What the commands run against: the engine (made on first use), the spec reader, the terminal, the environment
 * and the working directory. The composition root of the CLI; tests pass their own.
 */
public record CliContext(Supplier<HavenEngine> engine, SpecReader specReader, Terminal terminal,
                         Map<String, String> env, Path workingDirectory) {

    /** The real thing: default store location, discovered providers and components, the real terminal. */
    public static CliContext system() {
        HavenEngine[] engine = new HavenEngine[1];
        Supplier<HavenEngine> lazy = () -> {
            synchronized (engine) {
                if (engine[0] == null) {
                    engine[0] = systemEngine();
                }
                return engine[0];
            }
        };
        return new CliContext(lazy, strictSpecReader(), Terminal.system(), System.getenv(),
                Path.of("").toAbsolutePath());
    }

    /**
     * The engine as the product runs it: the default store location, the providers and flow components found on
     * the class path, the standard applier. The one composition root the CLI and the desktop share.
     */
    public static HavenEngine systemEngine() {
        return new HavenEngine(HavenStore.atDefaultLocation(), ProviderRegistry.discover(),
                DiscoveredComponents.discover(), Applier.standard(), Clock.systemUTC());
    }

    /**
     * The validating loader, against the built-in catalog (loaded on first use) and the server sizes known offline,
     * the same checks as {@code openhaven validate}.
     */
    static SpecReader strictSpecReader() {
        return file -> new SpecContext(BuiltInCatalog.get(), SpecContext.builtIn().sizes()).loader().load(file);
    }
}
