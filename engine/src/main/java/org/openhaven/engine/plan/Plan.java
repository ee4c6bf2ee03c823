package org.openhaven.engine.plan;

import java.util.List;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.HavenState;

/**
 * What an apply will do, resource by resource, and the state revision it was computed against. Stable:
 * the same spec and state give the same plan (changes sorted by key), so its JSON can be diffed and saved.
 *
 * @param warnings plain sentences the user should read before applying, such as a provider's policy on outgoing
 *                 mail; empty when there is nothing to say (plans saved before warnings existed read as empty)
 */
public record Plan(int formatVersion, String haven, long basedOnRevision, List<PlannedChange> changes,
                   List<String> warnings) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        changes = List.copyOf(changes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A plan without warnings. */
    public Plan(int formatVersion, String haven, long basedOnRevision, List<PlannedChange> changes) {
        this(formatVersion, haven, basedOnRevision, changes, List.of());
    }

    /** This plan with {@code more} warnings after its own. */
    public Plan withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Plan(formatVersion, haven, basedOnRevision, changes, all);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Whether applying it would change anything. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != Action.NOOP);
    }

    /** Refuses a plan made for another haven or against a state that has changed since. */
    public void requireCurrent(HavenState state) {
        if (!haven.equals(state.haven())) {
            throw OpenHavenException.config("This plan is for haven '" + haven + "', not '" + state.haven() + "'.",
                    "Pass the plan to the haven it was made for, or make a new one with 'openhaven plan'.");
        }
        if (basedOnRevision != state.revision()) {
            throw OpenHavenException.config("The plan is stale: it was made against state revision "
                            + basedOnRevision + ", and the haven's state is now at revision " + state.revision() + ".",
                    "Run 'openhaven plan' again, review it, and apply the new plan.");
        }
    }
}
