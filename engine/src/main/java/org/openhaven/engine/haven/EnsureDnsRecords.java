package org.openhaven.engine.haven;

import java.util.List;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.state.ResourceRecord;

/** Points the haven's names at the reserved IP. Upserts are idempotent; each record is recorded as it lands. */
final class EnsureDnsRecords extends HavenStep {

    static final String ID = "ensure-dns";
    private final List<DesiredResource> records;

    EnsureDnsRecords(FlowContext flow, List<DesiredResource> records) {
        super(flow, ID, "Point DNS at the server", CloudSteps.ENSURE_IP, CloudSteps.WAIT_RUNNING);
        this.records = records;
    }

    @Override
    public String fingerprint() {
        return records.toString();
    }

    @Override
    public boolean stillDone(StepContext context) {
        DnsProvider dns = flow.dns().get();
        DnsZone zone = dns.findZone(flow.spec().domain());
        List<DnsRecord> owned = dns.listOwned(flow.label(), zone);
        String ip = address(context);
        return records.stream().allMatch(d -> owned.stream().anyMatch(r -> r.sameAs(desired(d, ip))));
    }

    @Override
    public StepOutcome run(StepContext context) {
        DnsProvider dns = flow.dns().get();
        DnsZone zone = dns.findZone(flow.spec().domain());
        String ip = address(context);
        int changed = 0;
        for (DesiredResource d : records) {
            context.cancellation().throwIfCancelled();
            DnsRecord wanted = desired(d, ip);
            boolean same = context.resource(d.key()).map(r -> ip.equals(r.attributes().get("content"))).orElse(false);
            DnsRecord landed = dns.upsert(flow.label(), zone, wanted);
            context.record(new ResourceRecord(d.key(), ResourceKind.DNS_RECORD, landed.providerId(), d.name(),
                    d.properties(), java.util.Map.of("zone", zone.providerId(), "zone name", zone.name(),
                    "type", landed.type(), "name", landed.name(), "content", landed.content())));
            context.log("DNS " + wanted.type() + " " + wanted.name() + " → " + ip);
            changed += same ? 0 : 1;
        }
        return changed > 0 ? StepOutcome.changed(changed + " DNS record(s) set to " + ip)
                : StepOutcome.unchanged("DNS already points at " + ip);
    }

    private static DnsRecord desired(DesiredResource d, String ip) {
        String[] parts = d.key().split(":", 3);
        return DnsRecord.desired(parts[1], parts[2], ip);
    }

    private String address(StepContext context) {
        CloudResource ip = context.resource(ResourceKeys.IP).orElseThrow().toCloudResource();
        String address = ip.attribute("ipv4");
        if (address == null) {
            address = context.resource(ResourceKeys.SERVER).orElseThrow().attributes().get("ipv4");
        }
        return address;
    }
}
