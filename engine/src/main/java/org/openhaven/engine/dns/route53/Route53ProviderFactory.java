package org.openhaven.engine.dns.route53;

import org.openhaven.engine.cloud.aws.AwsClients;
import org.openhaven.engine.cloud.aws.AwsProviderFactory;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.haven.DnsProviderFactory;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.SecretStore;

/**
 * Makes {@link Route53DnsProvider} with {@code route53/access-key-id} and {@code route53/secret-access-key} from the
 * vault (the same key Traefik uses for DNS-01), or the standard AWS chain when none is stored.
 */
public final class Route53ProviderFactory implements DnsProviderFactory {

    private final ProviderEnvironment environment;

    public Route53ProviderFactory() {
        this(ProviderEnvironment.system());
    }

    public Route53ProviderFactory(ProviderEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String id() {
        return Route53DnsProvider.ID;
    }

    @Override
    public DnsProvider create(String endpoint, SecretStore secrets) {
        return new Route53DnsProvider(AwsClients.route53(
                environment.optionalEndpoint(endpoint, "OPENHAVEN_AWS_ENDPOINT"),
                AwsProviderFactory.credentials(secrets, ProviderEnvironment.ROUTE53_ACCESS_KEY_ID,
                        ProviderEnvironment.ROUTE53_SECRET_ACCESS_KEY)));
    }
}
