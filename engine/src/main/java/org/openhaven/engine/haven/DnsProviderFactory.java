package org.openhaven.engine.haven;

import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.secrets.SecretStore;

/** Creates a DNS provider from its endpoint and the credentials in the vault; found by id in a registry. */
public interface DnsProviderFactory {

    /** The provider id used in {@code dns.provider} ({@code cloudflare}). */
    String id();

    /** @param endpoint the API base URL from the spec, or null for the provider's default */
    DnsProvider create(String endpoint, SecretStore secrets);
}
