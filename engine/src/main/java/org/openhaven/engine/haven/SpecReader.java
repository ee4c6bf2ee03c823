package org.openhaven.engine.haven;

import java.nio.file.Path;
import org.openhaven.engine.spec.HavenSpec;

/** Reads and validates a {@code haven.yaml}; throws OpenHavenException(CONFIG) with path-scoped messages. */
@FunctionalInterface
public interface SpecReader {

    HavenSpec read(Path file);
}
