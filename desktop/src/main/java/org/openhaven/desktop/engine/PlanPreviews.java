package org.openhaven.desktop.engine;

import java.util.List;
import org.openhaven.engine.cost.CostEstimate;
import org.openhaven.engine.cost.CostOutlook;
import org.openhaven.engine.haven.DesiredResources;
import org.openhaven.engine.plan.Action;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlannedChange;
import org.openhaven.engine.spec.HavenSpec;

/** Turns the engine's plan and cost outlook into the review page's groups. */
final class PlanPreviews {

    private PlanPreviews() {
    }

    static PlanPreview of(HavenSpec spec, Plan plan, CostOutlook cost) {
        CostEstimate estimate = cost.estimate();
        return new PlanPreview(lines(plan, Action.CREATE), lines(plan, Action.UPDATE), lines(plan, Action.DELETE),
                estimate == null ? null : estimate.total(), estimate == null ? null : estimate.currency(),
                estimate == null ? cost.reason() : estimate.source(), DesiredResources.firewallRules(spec),
                plan.warnings());
    }

    private static List<String> lines(Plan plan, Action action) {
        return plan.changes().stream().filter(c -> c.action() == action).map(PlanPreviews::line).toList();
    }

    /** "server openhaven-home" plus what changes, e.g. "size: cx22 → cx32". */
    static String line(PlannedChange change) {
        String what = change.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + change.name();
        return change.action() == Action.UPDATE && !change.details().isEmpty()
                ? what + " (" + String.join(", ", change.details()) + ")" : what;
    }
}
