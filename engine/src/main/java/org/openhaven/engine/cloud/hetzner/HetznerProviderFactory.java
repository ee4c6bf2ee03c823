package org.openhaven.engine.cloud.hetzner;

import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.haven.CloudProviderFactory;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.SecretStore;

/** Makes {@link HetznerCloudProvider} from the vault's {@code hetzner/token}; found through ServiceLoader. */
public final class HetznerProviderFactory implements CloudProviderFactory {

    private final ProviderEnvironment environment;

    public HetznerProviderFactory() {
        this(ProviderEnvironment.system());
    }

    public HetznerProviderFactory(ProviderEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String id() {
        return HetznerCloudProvider.ID;
    }

    @Override
    public CloudProvider create(String endpoint, SecretStore secrets) {
        return HetznerCloudProvider.create(
                environment.endpoint(endpoint, "OPENHAVEN_HETZNER_ENDPOINT", HetznerCloudProvider.DEFAULT_ENDPOINT),
                ProviderEnvironment.token(secrets, ProviderEnvironment.HETZNER_TOKEN, "Hetzner Cloud"),
                environment.polling());
    }

    @Override
    public java.util.List<String> warnings(org.openhaven.engine.spec.HavenSpec spec) {
        return HetznerCloudProvider.policyWarnings(spec);
    }
}
