package org.openhaven.engine.haven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.plan.DesiredResource;
import org.openhaven.engine.render.MailDnsRecords;
import org.openhaven.engine.render.Manifest;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Every DNS record a cloud haven needs, as plan entries and as the records the DNS step upserts: the apex and the
 * wildcard A record, and with mail {@code A mail.<domain>} (explicit, so the name the PTR record carries resolves
 * even where a wildcard is not wanted), MX, SPF, DMARC and DKIM. A records point at the reserved IP, known only
 * once it exists; the DKIM value comes from the vault, so the plan shows a description of it instead.
 */
final class HavenDnsRecords {

    /** The plan property holding a non-address record's value. */
    static final String VALUE = "value";
    /** What the plan shows for the DKIM value (the public half of a vault secret, not worth printing in full). */
    static final String DKIM_VALUE = "public key of the mail server's DKIM signing key (from the vault)";

    private HavenDnsRecords() {
    }

    /**
     * The records as plan entries, keyed {@code dns:<type>:<name>}.
     *
     * @param ipName the name of the reserved IP the A records point to ({@code home-ip}, {@code home-ip-2})
     */
    static List<DesiredResource> desired(HavenSpec spec, String ipName) {
        List<DesiredResource> desired = new ArrayList<>();
        List<String> addressed = new ArrayList<>(List.of(spec.domain(), "*." + spec.domain()));
        if (spec.mailEnabled()) {
            addressed.add(MailDnsRecords.host(spec.domain()));
        }
        for (String host : addressed) {
            desired.add(new DesiredResource(ResourceKeys.dns("A", host), ResourceKind.DNS_RECORD, "A " + host,
                    Map.of("points to", ipName, "provider", spec.dns().provider())));
        }
        if (spec.mailEnabled()) {
            List<Manifest.DnsRecordNeeded> mail = new ArrayList<>(MailDnsRecords.withoutDkim(spec));
            mail.add(new Manifest.DnsRecordNeeded("TXT", MailDnsRecords.dkimName(spec.domain()), DKIM_VALUE));
            for (Manifest.DnsRecordNeeded record : mail) {
                desired.add(new DesiredResource(ResourceKeys.dns(record.type(), record.name()),
                        ResourceKind.DNS_RECORD, record.type() + " " + record.name(),
                        Map.of(VALUE, record.value(), "provider", spec.dns().provider())));
            }
        }
        return desired;
    }

    /**
     * The record to upsert for a plan entry.
     *
     * @param ip   the server's public IPv4 address, for A records
     * @param dkim the DKIM TXT value, asked for only when the entry is the DKIM record
     */
    static DnsRecord record(DesiredResource desired, String ip, Supplier<String> dkim) {
        String[] parts = desired.key().split(":", 3);
        String value = desired.properties().get(VALUE);
        if (value == null) {
            return DnsRecord.desired(parts[1], parts[2], ip);
        }
        return record(parts[1], parts[2], DKIM_VALUE.equals(value) ? dkim.get() : value);
    }

    /** A record from its zone-file value: {@code 10 mail.example.org.} becomes priority 10 and the host. */
    static DnsRecord record(String type, String name, String value) {
        if ("MX".equalsIgnoreCase(type)) {
            String[] parts = value.trim().split("\\s+", 2);
            String host = parts[1].endsWith(".") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
            return new DnsRecord("MX", name, host, 300, Integer.parseInt(parts[0]), false, null);
        }
        return DnsRecord.desired(type, name, value);
    }

    /** The host names certificates are requested for: the A records' names. */
    static List<String> addressedHosts(List<DesiredResource> records) {
        return records.stream().filter(d -> d.key().startsWith(ResourceKeys.dns("A", "")))
                .map(d -> d.key().split(":", 3)[2]).distinct().toList();
    }
}
