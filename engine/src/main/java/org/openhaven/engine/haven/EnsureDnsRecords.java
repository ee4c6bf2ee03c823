package org.openhaven.engine.haven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.plan.StepContext;
import org.openhaven.engine.plan.StepOutcome;
import org.openhaven.engine.render.MailDnsRecords;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.state.ResourceRecord;

/**
 * Points the haven's names at the reserved IP and publishes its other records (mail: MX, SPF, DMARC, DKIM).
 * Upserts are idempotent; each record is recorded as it lands, so a crash resumes with the rest.
 */
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
        return records.stream().map(d -> desired(d, ip)).allMatch(wanted -> owned.stream()
                .anyMatch(r -> r.sameAs(wanted) && java.util.Objects.equals(r.priority(), wanted.priority())));
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
            boolean same = context.resource(d.key())
                    .map(r -> wanted.content().equals(r.attributes().get("content"))).orElse(false);
            DnsRecord landed = dns.upsert(flow.label(), zone, wanted);
            Map<String, String> attributes = new LinkedHashMap<>(Map.of("zone", zone.providerId(),
                    "zone name", zone.name(), "type", landed.type(), "name", landed.name(),
                    "content", landed.content()));
            if (landed.priority() != null) {
                attributes.put("priority", String.valueOf(landed.priority()));
            }
            context.record(new ResourceRecord(d.key(), ResourceKind.DNS_RECORD, landed.providerId(), d.name(),
                    d.properties(), attributes));
            context.log("DNS " + wanted.type() + " " + wanted.name() + " → " + shown(wanted));
            changed += same ? 0 : 1;
        }
        return changed > 0 ? StepOutcome.changed(changed + " DNS record(s) set; the server is " + ip)
                : StepOutcome.unchanged("DNS already points at " + ip);
    }

    private DnsRecord desired(DesiredResource d, String ip) {
        // The DKIM key is created here if the renderer has not made it yet; the render step waits for this one.
        return HavenDnsRecords.record(d, ip, () -> MailDnsRecords.dkim(flow.spec(), flow.secrets(),
                new SecretGenerators()).value());
    }

    /** The value as the log shows it: a DKIM key is long and says nothing to a reader, so only its start. */
    private static String shown(DnsRecord record) {
        String value = record.priority() == null ? record.content() : record.priority() + " " + record.content();
        return value.length() > 60 ? value.substring(0, 40) + "…" : value;
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
