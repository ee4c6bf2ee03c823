package org.openhaven.engine.catalog;

import java.util.Collection;
import org.openhaven.engine.error.OpenHavenException;

/** Refuses a selection whose services need more memory than the server has, naming both numbers. */
public final class MemoryBudget {

    /** What the operating system, Docker and the SSH daemon keep for themselves. */
    public static final int SYSTEM_RESERVE_MB = 512;

    private MemoryBudget() {
    }

    /**
     * Checks that {@code selected} (with dependencies and always-on services) fits {@code serverMemoryMb}.
     *
     * @throws OpenHavenException (CONFIG) naming what the services need and what the server has
     */
    public static void check(ServiceCatalog catalog, Collection<String> selected, String serverSize, int serverMemoryMb) {
        int needed = catalog.minimumMemoryMb(selected) + SYSTEM_RESERVE_MB;
        if (needed > serverMemoryMb) {
            throw OpenHavenException.config(
                    "The chosen services need " + needed + " MiB of memory (including " + SYSTEM_RESERVE_MB
                            + " MiB for the system), but the server size " + serverSize + " has " + serverMemoryMb
                            + " MiB.",
                    "Choose a larger server size or fewer services (Ollama and ONLYOFFICE need the most).");
        }
    }
}
