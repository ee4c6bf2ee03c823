package org.openhaven.engine.dns.route53;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.aws.AwsErrors;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.error.OpenHavenException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Route53 through the AWS SDK v2 ({@code Region.AWS_GLOBAL}). Route53 records have neither tags nor comments, so
 * ownership is kept in the zone itself: a TXT record set {@code _openhaven-<haven>.<zone>} holds one value
 * {@code "<TYPE> <name> <fingerprint>"} per record OpenHaven made. Every change to a record and to its marker goes
 * in one ChangeResourceRecordSets batch, which Route53 applies atomically, so the marker never disagrees with the
 * records.
 *
 * <p>Route53 groups values by name and type. For MX and TXT the user's own values in the same set are kept beside
 * ours; A, AAAA and CNAME sets the user made are adopted only when identical, otherwise reported as a conflict.
 */
public final class Route53DnsProvider implements DnsProvider {

    public static final String ID = "route53";
    static final AwsErrors ERRORS = new AwsErrors("AWS Route53", "route53:ListHostedZones, "
            + "route53:ListResourceRecordSets, route53:ChangeResourceRecordSets, route53:GetChange");
    private static final Set<String> SINGLE_VALUED = Set.of("A", "AAAA", "CNAME");

    private final Route53Client route53;

    public Route53DnsProvider(Route53Client route53) {
        this.route53 = route53;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        int zones = call("ListHostedZones", () -> route53.listHostedZonesPaginator().hostedZones().stream()
                .toList().size());
        return "AWS Route53 (" + zones + (zones == 1 ? " hosted zone)" : " hosted zones)");
    }

    @Override
    public DnsZone findZone(String domain) {
        String wanted = Route53Values.normalise(domain);
        List<HostedZone> zones = call("ListHostedZones",
                () -> route53.listHostedZonesPaginator().hostedZones().stream().toList());
        return zones.stream()
                .filter(z -> z.config() == null || !Boolean.TRUE.equals(z.config().privateZone()))
                .filter(z -> {
                    String name = Route53Values.normalise(z.name());
                    return wanted.equals(name) || wanted.endsWith("." + name);
                })
                .max((a, b) -> Integer.compare(a.name().length(), b.name().length()))
                .map(z -> new DnsZone(z.id().replace("/hostedzone/", ""), Route53Values.normalise(z.name())))
                .orElseThrow(() -> OpenHavenException.config("No public Route53 hosted zone contains " + domain + ".",
                        "Create a hosted zone for the domain in the AWS console (Route 53 → Hosted zones → Create "
                                + "hosted zone) and point the domain's name servers at it."));
    }

    @Override
    public DnsRecord upsert(HavenLabel label, DnsZone zone, DnsRecord record) {
        String type = record.type().toUpperCase(Locale.ROOT);
        String name = Route53Values.normalise(record.name());
        Optional<ResourceRecordSet> existing = recordSet(zone, name, type);
        OwnershipMarker marker = marker(zone, label);
        List<String> values = new ArrayList<>();
        existing.ifPresent(set -> set.resourceRecords().forEach(r -> values.add(r.value())));
        String wanted = Route53Values.value(record);
        if (values.contains(wanted) && marker.owns(type, name, record) && existing.get().ttl() == record.ttl()) {
            return record.withProviderId(providerId(label, type, name));
        }
        List<String> next = new ArrayList<>();
        if (SINGLE_VALUED.contains(type)) {
            boolean foreign = existing.isPresent() && !marker.ownsAny(type, name) && !values.equals(List.of(wanted));
            if (foreign) {
                throw OpenHavenException.config(name + " already has a " + type + " record (" + String.join(", ", values)
                                + ") that OpenHaven did not create.",
                        "In the AWS console open Route 53 → Hosted zones → " + zone.name() + ", delete that record "
                                + "(or change it to " + record.content() + "), then apply again.");
            }
            next.add(wanted);
        } else {
            for (String value : values) {
                // Keep the user's values; drop our previous value for this name, which the new one replaces.
                if (!marker.ownsValue(type, name, value)) {
                    next.add(value);
                }
            }
            if (!next.contains(wanted)) {
                next.add(wanted);
            }
        }
        marker.replace(type, name, record);
        change(zone, List.of(upsertChange(name, type, record.ttl(), next), marker.change()));
        return record.withProviderId(providerId(label, type, name));
    }

    @Override
    public List<DnsRecord> listOwned(HavenLabel label, DnsZone zone) {
        OwnershipMarker marker = marker(zone, label);
        List<DnsRecord> owned = new ArrayList<>();
        for (OwnershipMarker.Entry entry : marker.entries()) {
            recordSet(zone, entry.name(), entry.type()).ifPresent(set -> {
                for (ResourceRecord value : set.resourceRecords()) {
                    DnsRecord record = Route53Values.record(entry.type(), entry.name(), set.ttl(), value.value(),
                            providerId(label, entry.type(), entry.name()));
                    if (Route53Values.fingerprint(record).equals(entry.fingerprint())) {
                        owned.add(record);
                    }
                }
            });
        }
        return owned;
    }

    /**
     * Deletes one of our records and its marker entry in one atomic batch; a record already gone is fine. The haven
     * is read from the record's provider id, which {@link #upsert} and {@link #listOwned} set.
     */
    @Override
    public void delete(DnsZone zone, DnsRecord record) {
        if (record.providerId() == null || !record.providerId().contains(" ")) {
            throw new IllegalArgumentException("Only records read from Route53 can be deleted: " + record.name());
        }
        HavenLabel label = new HavenLabel(record.providerId().substring(0, record.providerId().indexOf(' ')));
        String type = record.type().toUpperCase(Locale.ROOT);
        String name = Route53Values.normalise(record.name());
        OwnershipMarker marker = marker(zone, label);
        List<Change> changes = new ArrayList<>();
        recordSet(zone, name, type).ifPresent(set -> {
            String value = Route53Values.value(record);
            List<String> remaining = set.resourceRecords().stream().map(ResourceRecord::value)
                    .filter(v -> !v.equals(value)).toList();
            if (remaining.size() != set.resourceRecords().size()) {
                changes.add(remaining.isEmpty()
                        ? Change.builder().action(ChangeAction.DELETE).resourceRecordSet(set).build()
                        : upsertChange(name, type, set.ttl(), remaining));
            }
        });
        if (marker.remove(type, name, record)) {
            changes.add(marker.change());
        }
        if (!changes.isEmpty()) {
            change(zone, changes);
        }
    }

    private OwnershipMarker marker(DnsZone zone, HavenLabel label) {
        String name = OwnershipMarker.name(label, zone);
        return new OwnershipMarker(name, recordSet(zone, name, "TXT"));
    }

    private Optional<ResourceRecordSet> recordSet(DnsZone zone, String name, String type) {
        List<ResourceRecordSet> sets = call("ListResourceRecordSets", () -> route53.listResourceRecordSets(r -> r
                .hostedZoneId(zone.providerId()).startRecordName(name).startRecordType(type).maxItems("1"))
                .resourceRecordSets());
        return sets.stream()
                .filter(s -> Route53Values.normalise(s.name()).equals(name) && s.typeAsString().equals(type))
                .findFirst();
    }

    private void change(DnsZone zone, List<Change> changes) {
        call("ChangeResourceRecordSets", () -> route53.changeResourceRecordSets(r -> r.hostedZoneId(zone.providerId())
                .changeBatch(b -> b.comment("OpenHaven").changes(changes))));
    }

    static Change upsertChange(String name, String type, long ttl, List<String> values) {
        return Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(ResourceRecordSet.builder()
                .name(name).type(RRType.fromValue(type)).ttl(ttl)
                .resourceRecords(new LinkedHashSet<>(values).stream()
                        .map(v -> ResourceRecord.builder().value(v).build()).toList())
                .build()).build();
    }

    /** {@code <haven> <TYPE> <name>}: enough to find the record set and the marker again. */
    private static String providerId(HavenLabel label, String type, String name) {
        return label.havenId() + " " + type + " " + name;
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw ERRORS.map(what, e);
        }
    }
}
