package org.openhaven.engine.haven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.plan.Step;
import org.openhaven.engine.state.HavenState;

/**
 * The haven's apply as a DAG of steps. For a cloud haven: SSH key and firewall (in parallel) → server →
 * reserved IP and wait-running → DNS (every record, mail's included) → DNS check (manual records served, nothing
 * blocking HTTP-01), SSH → bootstrap, and render beside it (after SSH: the bundle depends on the server's GPU; after
 * DNS: both read the DKIM key, and only one may create it); then (a pre-deploy backup
 * when the services change) deploy, verify and the backup's installation, prune. For an existing server only the host
 * part runs, with "Check your server" (the preflight, then the owner mark) between SSH and the bootstrap.
 */
final class HavenFlow {

    private HavenFlow() {
    }

    static List<Step> steps(FlowContext flow) {
        return steps(flow, HavenState.empty(flow.spec().havenId()));
    }

    /** The steps towards the spec, given the recorded state (which names the server after a recovery). */
    static List<Step> steps(FlowContext flow, HavenState state) {
        List<DesiredResource> desiredList = DesiredResources.of(flow.spec(), state);
        Map<String, DesiredResource> desired = new LinkedHashMap<>();
        desiredList.forEach(d -> desired.put(d.key(), d));
        boolean cloud = !flow.spec().server().isExistingServer();
        List<Step> steps = new ArrayList<>();
        if (cloud) {
            steps.addAll(CloudSteps.steps(flow, desired));
            List<DesiredResource> records = desiredList.stream()
                    .filter(d -> d.kind() == ResourceKind.DNS_RECORD).toList();
            steps.add(new EnsureDnsRecords(flow, records));
            steps.add(ConfirmDnsForCertificates.standard(flow, HavenDnsRecords.addressedHosts(records)));
        }
        steps.addAll(HostSteps.steps(flow, cloud));
        steps.addAll(BackupSteps.steps(flow));
        steps.add(new PruneResources(flow, desired.keySet().stream().collect(Collectors.toSet()), HostSteps.VERIFY));
        return steps;
    }
}
