package org.openhaven.engine.dns.manual;

import java.util.List;
import java.util.Locale;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.TxtStrings;

/**
 * Renders records as an RFC 1035 zone-file snippet the user can paste at any DNS host (or import where the host
 * accepts zone files). Names are fully qualified with a trailing dot; TXT strings are quoted and split at 255.
 */
public final class ZoneFileSnippet {

    private ZoneFileSnippet() {
    }

    public static String render(String zone, List<DnsRecord> records) {
        StringBuilder out = new StringBuilder();
        out.append("; DNS records for ").append(zone).append(", created by OpenHaven.\n");
        out.append("; Add them at your DNS host exactly as shown (name, TTL, type, value).\n");
        int width = records.stream().mapToInt(r -> r.name().length() + 1).max().orElse(0);
        for (DnsRecord record : records) {
            String type = record.type().toUpperCase(Locale.ROOT);
            out.append(String.format(Locale.ROOT, "%-" + Math.max(width, 1) + "s %6d IN %-5s %s%n",
                    record.name() + ".", record.ttl(), type, value(type, record)));
        }
        return out.toString();
    }

    private static String value(String type, DnsRecord record) {
        return switch (type) {
            case "CNAME" -> fqdn(record.content());
            case "MX" -> (record.priority() == null ? 10 : record.priority()) + " " + fqdn(record.content());
            case "TXT" -> TxtStrings.quote(record.content());
            default -> record.content();
        };
    }

    private static String fqdn(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

}
