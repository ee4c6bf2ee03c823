package org.openhaven.engine.dns.route53;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The TXT record set {@code _openhaven-<haven>.<zone>} that says which Route53 values belong to a haven. Each value
 * is {@code "<TYPE> <name> <fingerprint>"}; the fingerprint stands in for the content, which may be longer than a
 * TXT string allows (DKIM keys).
 */
final class OwnershipMarker {

    record Entry(String type, String name, String fingerprint) {
        String text() {
            return type + " " + name + " " + fingerprint;
        }
    }

    private static final long TTL = 300;
    private final String name;
    private final Optional<ResourceRecordSet> original;
    private final List<Entry> entries = new ArrayList<>();

    OwnershipMarker(String name, Optional<ResourceRecordSet> current) {
        this.name = name;
        this.original = current;
        current.ifPresent(set -> set.resourceRecords().forEach(value -> {
            String[] parts = Route53Values.unquoteTxt(value.value()).split(" ");
            if (parts.length == 3) {
                entries.add(new Entry(parts[0], parts[1], parts[2]));
            }
        }));
    }

    static String name(HavenLabel label, DnsZone zone) {
        return "_openhaven-" + label.havenId() + "." + zone.name();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    boolean owns(String type, String name, DnsRecord record) {
        return entries.contains(new Entry(type, name, Route53Values.fingerprint(record)));
    }

    boolean ownsAny(String type, String name) {
        return entries.stream().anyMatch(e -> e.type().equals(type) && e.name().equals(name));
    }

    boolean ownsValue(String type, String name, String value) {
        DnsRecord record = Route53Values.record(type, name, TTL, value, null);
        return owns(type, name, record);
    }

    /** Records {@code record} as the haven's only value for its type and name. */
    void replace(String type, String name, DnsRecord record) {
        entries.removeIf(e -> e.type().equals(type) && e.name().equals(name));
        entries.add(new Entry(type, name, Route53Values.fingerprint(record)));
    }

    boolean remove(String type, String name, DnsRecord record) {
        return entries.remove(new Entry(type, name, Route53Values.fingerprint(record)));
    }

    /** The change that brings the marker to its current entries: UPSERT, or DELETE when none are left. */
    Change change() {
        if (entries.isEmpty()) {
            return Change.builder().action(ChangeAction.DELETE).resourceRecordSet(original.orElseThrow()).build();
        }
        return Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(ResourceRecordSet.builder()
                .name(name).type("TXT").ttl(TTL)
                .resourceRecords(entries.stream()
                        .map(e -> ResourceRecord.builder().value(Route53Values.quoteTxt(e.text())).build()).toList())
                .build()).build();
    }
}
