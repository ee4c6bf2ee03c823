package org.openhaven.engine.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.aws.AwsCloudProvider;
import org.openhaven.engine.dns.manual.ManualDnsProvider;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.ServerSizes;
import org.openhaven.engine.spec.ServerSpec;

class ProviderFactoriesTest {

    final ProviderRegistry registry = ProviderRegistry.discover();

    @Test
    void everyProviderIsDiscoveredByIdWithCredentialsFromTheVault() {
        InMemorySecretStore vault = new InMemorySecretStore();
        vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("h"));
        vault.put(ProviderEnvironment.DIGITALOCEAN_TOKEN, Secret.of("d"));
        vault.put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of("c"));

        assertThat(registry.cloud(server("hetzner"), vault).id()).isEqualTo("hetzner");
        assertThat(registry.cloud(server("digitalocean"), vault).id()).isEqualTo("digitalocean");
        assertThat(registry.cloud(server("aws"), vault)).isInstanceOf(AwsCloudProvider.class);
        assertThat(registry.dns(new DnsSpec("cloudflare", null), vault).id()).isEqualTo("cloudflare");
        assertThat(registry.dns(new DnsSpec("route53", null), vault).id()).isEqualTo("route53");
        assertThat(registry.dns(new DnsSpec("manual", null), vault)).isInstanceOf(ManualDnsProvider.class);
    }

    @Test
    void missingTokenIsAConfigErrorNamingTheVaultKey() {
        assertThatThrownBy(() -> registry.cloud(server("hetzner"), new InMemorySecretStore()))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("No Hetzner Cloud API token");
                    assertThat(e.remedy()).contains("openhaven secrets set hetzner/token");
                });
    }

    @Test
    void malformedEndpointFromTheEnvironmentNamesTheVariable() {
        var factory = new org.openhaven.engine.cloud.hetzner.HetznerProviderFactory(new ProviderEnvironment(
                Map.of("OPENHAVEN_HETZNER_ENDPOINT", "not a url"), org.openhaven.engine.http.Polling.standard()));
        InMemorySecretStore vault = new InMemorySecretStore();
        vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("h"));

        assertThatThrownBy(() -> factory.create((String) null, vault))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.userMessage()).contains("OPENHAVEN_HETZNER_ENDPOINT"));
    }

    @Test
    void bundledSizesAnswerMemoryAndUpgradesOffline() {
        ServerSizes sizes = BundledServerTypes.sizes();

        assertThat(sizes.memoryMb("hetzner", "cx22")).isEqualTo(OptionalInt.of(4096));
        assertThat(sizes.memoryMb("aws", "t3.large")).isEqualTo(OptionalInt.of(8192));
        assertThat(sizes.memoryMb("digitalocean", "s-9vcpu-99gb")).isEmpty();
        assertThat(sizes.sizesWithAtLeast("digitalocean", 4096)).first().isEqualTo("s-2vcpu-4gb");
        assertThat(sizes.sizesWithAtLeast("aws", 8192)).first().isEqualTo("t3.large");
    }

    static ServerSpec server(String provider) {
        return new ServerSpec(provider, "eu-central-1", "cx22", null, null, null, null);
    }
}
