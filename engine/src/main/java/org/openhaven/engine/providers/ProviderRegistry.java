package org.openhaven.engine.providers;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.aws.AwsClients;
import org.openhaven.engine.cloud.aws.AwsCloudProvider;
import org.openhaven.engine.cloud.aws.AwsCredentials;
import org.openhaven.engine.cloud.aws.AwsPrices;
import org.openhaven.engine.cloud.digitalocean.DigitalOceanCloudProvider;
import org.openhaven.engine.cloud.hetzner.HetznerCloudProvider;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.dns.cloudflare.CloudflareDnsProvider;
import org.openhaven.engine.dns.manual.ManualDnsProvider;
import org.openhaven.engine.dns.route53.Route53DnsProvider;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.Endpoints;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.ServerSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Makes the provider a spec names, with its credentials and its API endpoint: the spec's {@code endpoint} field,
 * else the environment variable ({@code OPENHAVEN_HETZNER_ENDPOINT}, {@code OPENHAVEN_DIGITALOCEAN_ENDPOINT},
 * {@code OPENHAVEN_CLOUDFLARE_ENDPOINT}, {@code OPENHAVEN_AWS_ENDPOINT} for EC2 and Route53), else the public API.
 * The {@code ssh} provider (an existing server) is made by the remote package, not here.
 */
public final class ProviderRegistry {

    public static final List<String> CLOUD_IDS = List.of(HetznerCloudProvider.ID, DigitalOceanCloudProvider.ID,
            AwsCloudProvider.ID);
    public static final List<String> DNS_IDS = List.of(CloudflareDnsProvider.ID, Route53DnsProvider.ID,
            ManualDnsProvider.ID);

    private final Map<String, String> env;
    private final Polling polling;

    public ProviderRegistry(Map<String, String> env, Polling polling) {
        this.env = Map.copyOf(env);
        this.polling = polling;
    }

    public static ProviderRegistry fromEnvironment() {
        return new ProviderRegistry(System.getenv(), Polling.standard());
    }

    public CloudProvider cloud(ServerSpec server, ProviderCredentials credentials) {
        String id = server.provider() == null ? "" : server.provider().toLowerCase(Locale.ROOT);
        return switch (id) {
            case HetznerCloudProvider.ID -> HetznerCloudProvider.create(endpoint(server.endpoint(),
                    "OPENHAVEN_HETZNER_ENDPOINT", HetznerCloudProvider.DEFAULT_ENDPOINT),
                    token(credentials, "Hetzner Cloud"), polling);
            case DigitalOceanCloudProvider.ID -> DigitalOceanCloudProvider.create(endpoint(server.endpoint(),
                    "OPENHAVEN_DIGITALOCEAN_ENDPOINT", DigitalOceanCloudProvider.DEFAULT_ENDPOINT),
                    token(credentials, "DigitalOcean"), polling);
            case AwsCloudProvider.ID -> new AwsCloudProvider(AwsClients.ec2(server.region(),
                    awsEndpoint(server.endpoint()), aws(credentials)), server.region(), AwsPrices.bundled(), polling);
            default -> throw OpenHavenException.config("'" + server.provider() + "' is not a cloud provider OpenHaven "
                    + "knows.", "Use one of: " + String.join(", ", CLOUD_IDS) + ", or ssh for an existing server.");
        };
    }

    public DnsProvider dns(DnsSpec dns, ProviderCredentials credentials) {
        String id = dns.provider() == null ? "" : dns.provider().toLowerCase(Locale.ROOT);
        return switch (id) {
            case CloudflareDnsProvider.ID -> CloudflareDnsProvider.create(endpoint(dns.endpoint(),
                    "OPENHAVEN_CLOUDFLARE_ENDPOINT", CloudflareDnsProvider.DEFAULT_ENDPOINT),
                    token(credentials, "Cloudflare"));
            case Route53DnsProvider.ID -> new Route53DnsProvider(AwsClients.route53(awsEndpoint(dns.endpoint()),
                    aws(credentials)));
            case ManualDnsProvider.ID -> new ManualDnsProvider();
            default -> throw OpenHavenException.config("'" + dns.provider() + "' is not a DNS provider OpenHaven "
                    + "knows.", "Use one of: " + String.join(", ", DNS_IDS) + ".");
        };
    }

    private URI endpoint(String specEndpoint, String variable, String defaultUrl) {
        return Endpoints.resolve(specEndpoint, variable, env, defaultUrl);
    }

    private URI awsEndpoint(String specEndpoint) {
        boolean overridden = specEndpoint != null && !specEndpoint.isBlank()
                || env.get("OPENHAVEN_AWS_ENDPOINT") != null && !env.get("OPENHAVEN_AWS_ENDPOINT").isBlank();
        return overridden ? Endpoints.resolve(specEndpoint, "OPENHAVEN_AWS_ENDPOINT", env, "https://unused") : null;
    }

    private static Secret token(ProviderCredentials credentials, String provider) {
        return credentials.get(ProviderCredentials.TOKEN).orElseThrow(() -> OpenHavenException.config(
                "No " + provider + " API token is stored for this haven.",
                "Enter the token in the wizard's provider page, or run 'openhaven init' again."));
    }

    private static AwsCredentialsProvider aws(ProviderCredentials credentials) {
        var keyId = credentials.get(ProviderCredentials.ACCESS_KEY_ID);
        var secret = credentials.get(ProviderCredentials.SECRET_ACCESS_KEY);
        if (keyId.isPresent() && secret.isPresent()) {
            return AwsCredentials.fromVault(keyId.get(), secret.get());
        }
        return AwsCredentials.standardChain();
    }
}
