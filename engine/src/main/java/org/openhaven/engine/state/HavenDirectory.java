package org.openhaven.engine.state;

import java.nio.file.Path;

/**
 * The files of one haven inside the home directory: its spec copy, {@code state.json}, the vault, the lock,
 * rendered bundles and logs.
 */
public record HavenDirectory(String name, Path root) {

    public Path specFile() {
        return root.resolve("haven.yaml");
    }

    public Path stateFile() {
        return root.resolve("state.json");
    }

    public Path vaultFile() {
        return root.resolve("vault.ohv");
    }

    public Path lockFile() {
        return root.resolve("apply.lock");
    }

    public Path bundlesDir() {
        return root.resolve("bundles");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path logFile() {
        return logsDir().resolve("openhaven.log");
    }
}
