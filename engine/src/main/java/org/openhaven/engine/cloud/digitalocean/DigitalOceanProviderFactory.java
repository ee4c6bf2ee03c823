package org.openhaven.engine.cloud.digitalocean;

import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.haven.CloudProviderFactory;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.SecretStore;

/** Makes {@link DigitalOceanCloudProvider} from the vault's {@code digitalocean/token}; found through ServiceLoader. */
public final class DigitalOceanProviderFactory implements CloudProviderFactory {

    private final ProviderEnvironment environment;

    public DigitalOceanProviderFactory() {
        this(ProviderEnvironment.system());
    }

    public DigitalOceanProviderFactory(ProviderEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String id() {
        return DigitalOceanCloudProvider.ID;
    }

    @Override
    public CloudProvider create(String endpoint, SecretStore secrets) {
        return DigitalOceanCloudProvider.create(
                environment.endpoint(endpoint, "OPENHAVEN_DIGITALOCEAN_ENDPOINT", DigitalOceanCloudProvider.DEFAULT_ENDPOINT),
                ProviderEnvironment.token(secrets, ProviderEnvironment.DIGITALOCEAN_TOKEN, "DigitalOcean"),
                environment.polling());
    }

    @Override
    public java.util.List<String> warnings(org.openhaven.engine.spec.HavenSpec spec) {
        return DigitalOceanCloudProvider.policyWarnings(spec);
    }
}
