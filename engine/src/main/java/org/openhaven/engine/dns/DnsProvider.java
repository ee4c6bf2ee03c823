package org.openhaven.engine.dns;

import java.util.List;
import org.openhaven.engine.cloud.HavenLabel;

/**
 * The narrow contract of a DNS host. Records OpenHaven creates are marked as the haven's (a comment or tag
 * naming {@code openhaven=<haven>}) so {@code destroy} removes only ours.
 */
public interface DnsProvider {

    /** {@code cloudflare}, {@code route53} or {@code manual}. */
    String id();

    /** Checks the credentials; returns a name for the account to show the user. */
    String verifyCredentials();

    /** The zone that holds {@code domain} (the longest matching zone name). */
    DnsZone findZone(String domain);

    /** Creates the record, or updates ours with the same type and name; returns it with its provider id. */
    DnsRecord upsert(HavenLabel label, DnsZone zone, DnsRecord record);

    /** Records in the zone marked as the haven's. */
    List<DnsRecord> listOwned(HavenLabel label, DnsZone zone);

    /** Deletes one of our records; deleting a record already gone is not an error. */
    void delete(DnsZone zone, DnsRecord record);

    /**
     * Problems that would make an ACME HTTP-01 challenge fail for these host names, found before any certificate is
     * requested: for example a Cloudflare record that is proxied (orange cloud), which answers the challenge
     * itself. Each entry names the record and what to do. Empty when nothing stands in the way.
     */
    default List<String> httpChallengeBlockers(DnsZone zone, List<String> hostnames) {
        return List.of();
    }
}
