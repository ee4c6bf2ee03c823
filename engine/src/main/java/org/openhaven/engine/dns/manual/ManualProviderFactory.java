package org.openhaven.engine.dns.manual;

import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.haven.DnsProviderFactory;
import org.openhaven.engine.secrets.SecretStore;

/** Makes {@link ManualDnsProvider}; it needs no credentials and no endpoint. */
public final class ManualProviderFactory implements DnsProviderFactory {

    @Override
    public String id() {
        return ManualDnsProvider.ID;
    }

    @Override
    public DnsProvider create(String endpoint, SecretStore secrets) {
        return new ManualDnsProvider();
    }
}
