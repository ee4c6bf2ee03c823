package org.openhaven.engine.haven;

import java.util.List;

/** What {@code destroy} removed, or with {@code dryRun} would remove: one line per resource. */
public record DestroyReport(String haven, boolean dryRun, List<String> removed) {

    public DestroyReport {
        removed = List.copyOf(removed);
    }
}
