package org.openhaven.engine.dns.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.dns.DnsZone;
import org.openhaven.engine.dns.verify.DnsVerifier;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * "Show me the records": OpenHaven cannot change the user's DNS, so upserts collect the records the haven needs;
 * {@link #publish} then shows them and writes them as a zone-file snippet, and {@link #awaitPublished} waits until
 * the zone's authoritative servers serve them, naming any record still missing or wrong.
 */
public final class ManualDnsProvider implements DnsProvider {

    public static final String ID = "manual";
    private static final Set<String> SINGLE_VALUED = Set.of("A", "AAAA", "CNAME");

    private final List<DnsRecord> needed = new ArrayList<>();
    private final List<DnsRecord> toRemove = new ArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        return "No DNS account: you add the records at your DNS host yourself";
    }

    @Override
    public DnsZone findZone(String domain) {
        return new DnsZone(ID, domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
    }

    @Override
    public synchronized DnsRecord upsert(HavenLabel label, DnsZone zone, DnsRecord record) {
        String type = record.type().toUpperCase(Locale.ROOT);
        needed.removeIf(r -> r.type().equalsIgnoreCase(type) && r.name().equalsIgnoreCase(record.name())
                && (SINGLE_VALUED.contains(type) || r.sameAs(record)));
        DnsRecord kept = record.withProviderId(ID);
        needed.add(kept);
        return kept;
    }

    @Override
    public synchronized List<DnsRecord> listOwned(HavenLabel label, DnsZone zone) {
        return List.copyOf(needed);
    }

    /** Forgets the record and remembers to tell the user to remove it at their DNS host. */
    @Override
    public synchronized void delete(DnsZone zone, DnsRecord record) {
        if (needed.removeIf(r -> r.sameAs(record))) {
            toRemove.add(record);
        } else if (!toRemove.contains(record)) {
            toRemove.add(record);
        }
    }

    /** Records the user should delete at their DNS host (after destroy). */
    public synchronized List<DnsRecord> removals() {
        return List.copyOf(toRemove);
    }

    /** The records as a zone-file snippet. */
    public synchronized String snippet(DnsZone zone) {
        return ZoneFileSnippet.render(zone.name(), needed);
    }

    /** Shows the records line by line and writes them to {@code file} as a zone-file snippet. */
    public void publish(DnsZone zone, Path file, Consumer<String> out) {
        String snippet = snippet(zone);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, snippet, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "Could not write the DNS records to " + file + ".")
                    .remedy("Check that the folder exists and is writable.")
                    .cause(e)
                    .build();
        }
        out.accept("Add these DNS records at your DNS host (also saved to " + file + "):");
        snippet.lines().filter(line -> !line.startsWith(";")).forEach(line -> out.accept("  " + line));
    }

    /** Waits until the authoritative servers serve every needed record. */
    public void awaitPublished(DnsVerifier verifier, Duration deadline) {
        verifier.awaitAll(listOwned(null, null), deadline);
    }
}
