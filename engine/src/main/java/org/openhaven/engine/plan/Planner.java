package org.openhaven.engine.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openhaven.engine.state.HavenState;
import org.openhaven.engine.state.ResourceRecord;

/** Compares the desired resources with the recorded state: create what is missing, update what differs, delete what is no longer wanted. */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(HavenState state, List<DesiredResource> desired) {
        Map<String, DesiredResource> wanted = new TreeMap<>();
        desired.forEach(d -> wanted.put(d.key(), d));
        List<PlannedChange> changes = new ArrayList<>();
        for (DesiredResource d : wanted.values()) {
            changes.add(state.resource(d.key())
                    .map(existing -> compare(d, existing))
                    .orElseGet(() -> new PlannedChange(Action.CREATE, d.key(), d.kind(), d.name(), describe(d.properties()))));
        }
        for (ResourceRecord existing : state.resources().values()) {
            if (!wanted.containsKey(existing.key())) {
                changes.add(new PlannedChange(Action.DELETE, existing.key(), existing.kind(), existing.name(),
                        List.of(existing.providerId() == null ? "" : "id " + existing.providerId())));
            }
        }
        changes.sort(Comparator.comparing(PlannedChange::key));
        return new Plan(Plan.FORMAT_VERSION, state.haven(), state.revision(), changes);
    }

    private static PlannedChange compare(DesiredResource desired, ResourceRecord existing) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(desired.properties().keySet());
        names.addAll(existing.properties().keySet());
        for (String name : names) {
            String was = existing.properties().get(name);
            String wanted = desired.properties().get(name);
            if (!Objects.equals(was, wanted)) {
                differences.add(name + ": " + (was == null ? "(none)" : was) + " → " + (wanted == null ? "(none)" : wanted));
            }
        }
        Action action = differences.isEmpty() ? Action.NOOP : Action.UPDATE;
        return new PlannedChange(action, desired.key(), desired.kind(), desired.name(), differences);
    }

    private static List<String> describe(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
