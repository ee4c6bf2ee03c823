package org.openhaven.engine.cloud.aws;

import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.haven.CloudProviderFactory;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.ServerSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Makes {@link AwsCloudProvider} for the spec's region, with the access key from the vault
 * ({@code aws/access-key-id}, {@code aws/secret-access-key}) or, when none is stored, the standard AWS chain.
 */
public final class AwsProviderFactory implements CloudProviderFactory {

    static final String DEFAULT_REGION = "eu-central-1";
    private final ProviderEnvironment environment;

    public AwsProviderFactory() {
        this(ProviderEnvironment.system());
    }

    public AwsProviderFactory(ProviderEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String id() {
        return AwsCloudProvider.ID;
    }

    @Override
    public CloudProvider create(String endpoint, SecretStore secrets) {
        return create(new ServerSpec(AwsCloudProvider.ID, DEFAULT_REGION, null, null, null, null, endpoint), secrets);
    }

    @Override
    public CloudProvider create(ServerSpec server, SecretStore secrets) {
        String region = server.region() == null || server.region().isBlank() ? DEFAULT_REGION : server.region();
        return new AwsCloudProvider(AwsClients.ec2(region,
                environment.optionalEndpoint(server.endpoint(), "OPENHAVEN_AWS_ENDPOINT"),
                credentials(secrets, ProviderEnvironment.AWS_ACCESS_KEY_ID, ProviderEnvironment.AWS_SECRET_ACCESS_KEY)),
                region, AwsPrices.bundled(), environment.polling());
    }

    /** The vault's key pair when both halves are stored, else the standard chain (env, profiles, SSO, roles). */
    public static AwsCredentialsProvider credentials(SecretStore secrets, String idKey, String secretKey) {
        var id = secrets.find(idKey).filter(s -> !s.isEmpty());
        var secret = secrets.find(secretKey).filter(s -> !s.isEmpty());
        if (id.isPresent() && secret.isPresent()) {
            return AwsCredentials.fromVault(id.get(), secret.get());
        }
        return AwsCredentials.standardChain();
    }

    @Override
    public java.util.List<String> warnings(org.openhaven.engine.spec.HavenSpec spec) {
        return AwsCloudProvider.policyWarnings(spec);
    }
}
