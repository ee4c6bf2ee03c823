package org.openhaven.engine.haven;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.state.ResourceRecord;

/**
 * The backup part of the flow, present only when the spec has a backup target: a snapshot before a deploy that
 * changes the running services, and the installation of the server's backup after the deploy.
 */
final class BackupSteps {

    static final String BEFORE_DEPLOY = "backup-before-deploy";
    static final String INSTALL = "install-backups";

    private BackupSteps() {
    }

    /** The steps for {@code flow}; none without a backup target. */
    static List<HavenStep> steps(FlowContext flow) {
        if (flow.spec().backupTarget().isEmpty()) {
            return List.of();
        }
        return List.of(new BeforeDeploy(flow), new Install(flow));
    }

    /** What the deploy step must wait for. */
    static List<String> beforeDeploy(FlowContext flow) {
        return flow.spec().backupTarget().isPresent() ? List.of(BEFORE_DEPLOY) : List.of();
    }

    /**
     * Decides from the recorded release alone, so it needs no SSH when it has nothing to do. Always re-evaluated:
     * after a crash between this backup and the deploy, a second snapshot is cheap and safe.
     */
    static final class BeforeDeploy extends HavenStep {
        BeforeDeploy(FlowContext flow) {
            super(flow, BEFORE_DEPLOY, "Back up before changing the services", HostSteps.BOOTSTRAP);
        }

        @Override
        public boolean stillDone(StepContext context) {
            return false;
        }

        @Override
        public StepOutcome run(StepContext context) {
            Optional<ResourceRecord> live = context.resource(ResourceKeys.STACK);
            if (live.isEmpty()) {
                return StepOutcome.unchanged("first deploy: nothing to back up yet");
            }
            if (servicesOf(DesiredResources.stackProperties(flow.spec())).equals(servicesOf(live.get().properties()))) {
                return StepOutcome.unchanged("the services do not change");
            }
            String snapshot = flow.components().backups().backupBeforeDeploy(HostSteps.target(flow, context),
                    flow.spec(), flow.secrets(), context::log);
            return StepOutcome.changed("snapshot " + snapshot + " taken before the deploy");
        }
    }

    /**
     * What the running services are made of: the stack's inputs but the backup target, whose change only
     * reinstalls the backup (a snapshot then would go to the bucket being left).
     */
    static Map<String, String> servicesOf(Map<String, String> stackProperties) {
        Map<String, String> services = new TreeMap<>(stackProperties);
        services.remove("backup");
        return services;
    }

    /** Runs again whenever the backup target or the services change, so the script covers every service's data. */
    static final class Install extends HavenStep {
        Install(FlowContext flow) {
            super(flow, INSTALL, "Set up the daily backup", HostSteps.DEPLOY);
        }

        @Override
        public String fingerprint() {
            return flow.spec().backup() + " " + DesiredResources.stackProperties(flow.spec());
        }

        @Override
        public StepOutcome run(StepContext context) {
            flow.components().backups().install(HostSteps.target(flow, context), flow.spec(), flow.secrets(),
                    context::log);
            return StepOutcome.changed("daily backup to bucket '" + flow.spec().backup().bucket() + "' scheduled");
        }
    }
}
