package org.openhaven.engine.dns.cloudflare;

import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.haven.DnsProviderFactory;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.SecretStore;

/** Makes {@link CloudflareDnsProvider} from the vault's {@code cloudflare/api-token}; found through ServiceLoader. */
public final class CloudflareProviderFactory implements DnsProviderFactory {

    private final ProviderEnvironment environment;

    public CloudflareProviderFactory() {
        this(ProviderEnvironment.system());
    }

    public CloudflareProviderFactory(ProviderEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String id() {
        return CloudflareDnsProvider.ID;
    }

    @Override
    public DnsProvider create(String endpoint, SecretStore secrets) {
        return CloudflareDnsProvider.create(
                environment.endpoint(endpoint, "OPENHAVEN_CLOUDFLARE_ENDPOINT", CloudflareDnsProvider.DEFAULT_ENDPOINT),
                ProviderEnvironment.token(secrets, ProviderEnvironment.CLOUDFLARE_TOKEN, "Cloudflare"));
    }
}
