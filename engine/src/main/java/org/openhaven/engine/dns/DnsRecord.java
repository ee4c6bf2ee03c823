package org.openhaven.engine.dns;

/**
 * One DNS record.
 *
 * @param name       fully qualified, without the trailing dot ({@code cloud.example.org})
 * @param priority   MX priority; null for other types
 * @param proxied    Cloudflare's orange cloud; always false for records OpenHaven creates, because proxied
 *                   records break ACME HTTP-01, mail and WireGuard
 * @param providerId the provider's record id; null for a desired record not yet created
 */
public record DnsRecord(String type, String name, String content, int ttl, Integer priority, boolean proxied,
                        String providerId) {

    public static DnsRecord desired(String type, String name, String content) {
        return new DnsRecord(type, name, content, 300, null, false, null);
    }

    public DnsRecord withProviderId(String id) {
        return new DnsRecord(type, name, content, ttl, priority, proxied, id);
    }

    /** Same type, name and content: the identity of a record for idempotent upserts. */
    public boolean sameAs(DnsRecord other) {
        return type.equalsIgnoreCase(other.type) && name.equalsIgnoreCase(other.name)
                && content.equals(other.content);
    }
}
