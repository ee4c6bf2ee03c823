package org.openhaven.engine.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.dns.manual.ManualDnsProvider;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.ServerSizes;
import org.openhaven.engine.spec.ServerSpec;

class ProviderRegistryTest {

    final ProviderRegistry registry = new ProviderRegistry(Map.of(), new FakeTime().polling());

    @Test
    void makesEachCloudProviderById() {
        ProviderCredentials token = ProviderCredentials.token(Secret.of("t"));

        assertThat(registry.cloud(server("hetzner"), token).id()).isEqualTo("hetzner");
        assertThat(registry.cloud(server("DigitalOcean"), token).id()).isEqualTo("digitalocean");
        assertThat(registry.cloud(server("aws"), ProviderCredentials.awsKeys(Secret.of("a"), Secret.of("b"))).id())
                .isEqualTo("aws");
        assertThat(registry.dns(new DnsSpec("manual", null), ProviderCredentials.none()))
                .isInstanceOf(ManualDnsProvider.class);
    }

    @Test
    void unknownProviderIsAConfigErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> registry.cloud(server("hetzer"), ProviderCredentials.none()))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.remedy()).contains("hetzner, digitalocean, aws");
                });
    }

    @Test
    void missingTokenIsAConfigErrorNotACrash() {
        assertThatThrownBy(() -> registry.dns(new DnsSpec("cloudflare", null), ProviderCredentials.none()))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.userMessage()).contains("No Cloudflare API token"));
    }

    @Test
    void malformedEndpointFromTheEnvironmentNamesTheVariable() {
        ProviderRegistry withEnv = new ProviderRegistry(Map.of("OPENHAVEN_HETZNER_ENDPOINT", "not a url"),
                new FakeTime().polling());

        assertThatThrownBy(() -> withEnv.cloud(server("hetzner"), ProviderCredentials.token(Secret.of("t"))))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.userMessage()).contains("OPENHAVEN_HETZNER_ENDPOINT"));
    }

    @Test
    void credentialsNeverPrintTheirValues() {
        assertThat(ProviderCredentials.awsKeys(Secret.of("AKIA123"), Secret.of("s3cr3t")).toString())
                .isEqualTo("ProviderCredentials[accessKeyId, secretAccessKey]");
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
