package org.openhaven.engine.dns;

/** A zone at a DNS provider that contains the haven's domain. */
public record DnsZone(String providerId, String name) {
}
