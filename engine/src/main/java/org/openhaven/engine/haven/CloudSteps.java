package org.openhaven.engine.haven;

import java.time.Duration;
import java.util.List;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.state.ResourceRecord;

/** The cloud part of the flow: key, firewall, server, reserved IP, and the wait until the server runs. */
final class CloudSteps {

    static final String ENSURE_SSH_KEY = "ensure-ssh-key";
    static final String ENSURE_FIREWALL = "ensure-firewall";
    static final String ENSURE_SERVER = "ensure-server";
    static final String ENSURE_IP = "ensure-ip";
    static final String WAIT_RUNNING = "wait-running";
    static final Duration RUNNING_BUDGET = Duration.ofMinutes(10);

    private CloudSteps() {
    }

    /** The haven's SSH public key, generating the pair into the vault on first use. */
    static String publicKey(FlowContext flow) {
        return HavenSshKey.ensure(flow.secrets(), flow.spec().havenId());
    }

    static List<HavenStep> steps(FlowContext flow, java.util.Map<String, DesiredResource> desired) {
        return List.of(
                new EnsureCloudResource(flow, desired.get(ResourceKeys.SSH_KEY), ENSURE_SSH_KEY, "Upload the SSH key") {
                    @Override
                    CloudResource ensure(StepContext context) {
                        return flow.cloud().get().ensureSshKey(flow.label(), desired.get(ResourceKeys.SSH_KEY).name(),
                                publicKey(flow));
                    }
                },
                new EnsureCloudResource(flow, desired.get(ResourceKeys.FIREWALL), ENSURE_FIREWALL, "Set up the firewall") {
                    /**
                     * Always compared again: one lookup, no write when the openings match, and an opening changed
                     * by hand in the provider's console is put back by the next apply.
                     */
                    @Override
                    public boolean stillDone(StepContext context) {
                        return false;
                    }

                    @Override
                    CloudResource ensure(StepContext context) {
                        return flow.cloud().get().ensureFirewall(flow.label(), desired.get(ResourceKeys.FIREWALL).name(),
                                DesiredResources.firewallRules(flow.spec()));
                    }
                },
                new EnsureCloudResource(flow, desired.get(ResourceKeys.SERVER), ENSURE_SERVER, "Create the server",
                        ENSURE_SSH_KEY, ENSURE_FIREWALL) {
                    @Override
                    CloudResource ensure(StepContext context) {
                        String userData = flow.components().userData().userData(flow.spec(), publicKey(flow));
                        ServerRequest request = new ServerRequest(desired.get(ResourceKeys.SERVER).name(),
                                flow.spec().server().region(), flow.spec().server().size(), DesiredResources.IMAGE,
                                userData, recorded(context, ResourceKeys.SSH_KEY), recorded(context, ResourceKeys.FIREWALL));
                        return flow.cloud().get().ensureServer(flow.label(), request);
                    }
                },
                new EnsureCloudResource(flow, desired.get(ResourceKeys.IP), ENSURE_IP, "Reserve the public IP",
                        ENSURE_SERVER) {
                    @Override
                    CloudResource ensure(StepContext context) {
                        return flow.cloud().get().ensureReservedIp(flow.label(), desired.get(ResourceKeys.IP).name(),
                                recorded(context, ResourceKeys.SERVER));
                    }
                },
                new WaitUntilRunning(flow));
    }

    /** Waits for the server to run; records its address. Harmless to repeat. */
    static final class WaitUntilRunning extends HavenStep {

        WaitUntilRunning(FlowContext flow) {
            super(flow, WAIT_RUNNING, "Wait for the server to start", ENSURE_SERVER);
        }

        @Override
        public boolean stillDone(StepContext context) {
            return false; // cheap to check again, and a rebuilt server must be waited for
        }

        @Override
        public StepOutcome run(StepContext context) {
            ResourceRecord server = context.resource(ResourceKeys.SERVER).orElseThrow();
            CloudResource running = flow.cloud().get().waitUntilRunning(server.toCloudResource(), RUNNING_BUDGET);
            context.record(ResourceRecord.of(ResourceKeys.SERVER, running, server.properties()));
            return StepOutcome.unchanged("server " + running.name() + " is running at " + running.attribute("ipv4"));
        }
    }
}
