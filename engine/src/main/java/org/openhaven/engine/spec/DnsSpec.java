package org.openhaven.engine.spec;

/**
 * How DNS is managed: {@code cloudflare}, {@code route53}, or {@code manual} (OpenHaven shows the records and
 * verifies them).
 *
 * @param endpoint an API base URL overriding the provider's default; null for the default
 */
public record DnsSpec(String provider, String endpoint) {
}
