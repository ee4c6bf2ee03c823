package org.openhaven.engine.haven;

import java.util.List;
import java.util.Set;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.state.ResourceRecord;

/**
 * Deletes what the state records but the spec no longer asks for (the plan's "delete" lines), after the new
 * release runs. Each resource is forgotten only after its provider confirmed the delete.
 */
final class PruneResources extends HavenStep {

    static final String ID = "prune";
    private final Set<String> desiredKeys;

    PruneResources(FlowContext flow, Set<String> desiredKeys, String... after) {
        super(flow, ID, "Remove what is no longer wanted", after);
        this.desiredKeys = desiredKeys;
    }

    @Override
    public String fingerprint() {
        return new java.util.TreeSet<>(desiredKeys).toString();
    }

    @Override
    public boolean stillDone(StepContext context) {
        return unwanted(context).isEmpty();
    }

    @Override
    public StepOutcome run(StepContext context) {
        List<ResourceRecord> unwanted = unwanted(context);
        for (ResourceRecord record : unwanted) {
            context.cancellation().throwIfCancelled();
            remove(flow, record);
            context.forget(record.key());
            context.log("Removed " + record.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + record.name());
        }
        return unwanted.isEmpty() ? StepOutcome.unchanged("nothing to remove")
                : StepOutcome.changed(unwanted.size() + " resource(s) removed");
    }

    private List<ResourceRecord> unwanted(StepContext context) {
        // A replaced server is the user's to keep or delete: never removed behind their back.
        return context.state().resources().values().stream()
                .filter(r -> !desiredKeys.contains(r.key()) && !ResourceKeys.isRecoveryBookkeeping(r.key())).toList();
    }

    /** Deletes one recorded resource at its provider; a release only lives in state. */
    static void remove(FlowContext flow, ResourceRecord record) {
        if (record.kind() == ResourceKind.RELEASE) {
            return;
        }
        if (record.kind() == ResourceKind.DNS_RECORD) {
            DnsZone zone = new DnsZone(record.attributes().get("zone"), record.attributes().get("zone name"));
            flow.dns().get().delete(zone, new org.openhaven.engine.dns.DnsRecord(record.attributes().get("type"),
                    record.attributes().get("name"), record.attributes().get("content"), 300,
                    record.attributes().containsKey("priority") ? Integer.valueOf(record.attributes().get("priority"))
                            : null, false,
                    record.providerId()));
            return;
        }
        flow.cloud().get().destroy(record.toCloudResource());
    }
}
