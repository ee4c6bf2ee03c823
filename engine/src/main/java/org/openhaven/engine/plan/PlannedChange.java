package org.openhaven.engine.plan;

import java.util.List;
import org.openhaven.engine.cloud.ResourceKind;

/**
 * One line of a plan.
 *
 * @param details for updates, each changed property as {@code "size: cx22 → cx32"}; otherwise the properties
 */
public record PlannedChange(Action action, String key, ResourceKind kind, String name, List<String> details) {

    public PlannedChange {
        details = List.copyOf(details);
    }
}
