package org.openhaven.engine.haven;

import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.state.ResourceRecord;

/**
 * A step that makes one labelled resource exist at the cloud provider and records it. The provider's
 * {@code ensure…} finds an existing one by label and name, so a re-run after a crash never creates a second.
 */
abstract class EnsureCloudResource extends HavenStep {

    private final DesiredResource desired;

    EnsureCloudResource(FlowContext flow, DesiredResource desired, String id, String title, String... dependsOn) {
        super(flow, id, title, dependsOn);
        this.desired = desired;
    }

    /** Calls the provider's idempotent ensure method. */
    abstract CloudResource ensure(StepContext context);

    @Override
    public String fingerprint() {
        return desired.properties().toString();
    }

    /** Done only if the provider still lists it; an AUTH failure propagates and changes nothing in state. */
    @Override
    public boolean stillDone(StepContext context) {
        return context.resource(desired.key())
                .map(recorded -> flow.cloud().get().listOwned(flow.label()).stream()
                        .anyMatch(r -> r.kind() == recorded.kind() && r.providerId().equals(recorded.providerId())))
                .orElse(false);
    }

    @Override
    public StepOutcome run(StepContext context) {
        java.util.Optional<ResourceRecord> before = context.resource(desired.key());
        CloudResource resource = ensure(context);
        context.record(ResourceRecord.of(desired.key(), resource, desired.properties()));
        boolean created = before.map(r -> !resource.providerId().equals(r.providerId())).orElse(true);
        // Same resource, other properties: the provider changed it in place (a firewall's openings).
        boolean updated = !created && !before.get().properties().equals(desired.properties());
        String what = desired.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                + resource.name() + " (id " + resource.providerId() + ")";
        if (created) {
            return StepOutcome.changed(what + " ready");
        }
        return updated ? StepOutcome.changed(what + " updated") : StepOutcome.unchanged(what + " already there");
    }

    CloudResource recorded(StepContext context, String key) {
        return context.resource(key).map(ResourceRecord::toCloudResource)
                .orElseThrow(() -> org.openhaven.engine.error.OpenHavenException.internal(
                        "Step " + id() + " ran before " + key + " was recorded.", null));
    }
}
