package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;

/** The real gateway reads the real catalog shipped in templates/services, through the engine's API. */
class EngineBackedGatewayTest {

    private final EngineBackedGateway gateway = EngineBackedGateway.builtIn();

    @Test
    void servicesPageGetsTheBuiltInCatalogWithInternalDependenciesMarked() {
        List<CatalogEntry> catalog = gateway.catalog();
        assertThat(catalog).extracting(CatalogEntry::id).contains("nextcloud", "vaultwarden", "gitea");
        CatalogEntry nextcloud = catalog.stream().filter(e -> e.id().equals("nextcloud")).findFirst().orElseThrow();
        assertThat(nextcloud.selectable()).isTrue();
        assertThat(nextcloud.memoryMb()).isPositive();
        assertThat(nextcloud.description()).isNotBlank();
        assertThat(catalog).filteredOn(e -> !e.selectable()).extracting(CatalogEntry::id).contains("nextcloud-db");
    }

    @Test
    void resolvingAddsDependenciesBeforeDependents() {
        List<String> resolved = gateway.resolve(List.of("nextcloud"));
        assertThat(resolved).contains("traefik", "nextcloud-db", "nextcloud");
        assertThat(resolved.indexOf("nextcloud-db")).isLessThan(resolved.indexOf("nextcloud"));
    }

    @Test
    void credentialsMapToTheVaultKeysTheProvidersRead() {
        assertThat(CredentialKeys.cloud(Choice.HETZNER, Secret.of("t"))).containsOnlyKeys("hetzner/token");
        assertThat(CredentialKeys.cloud(Choice.AWS, Secret.of("AKIA:s3cr3t")))
                .containsOnlyKeys("aws/access-key-id", "aws/secret-access-key");
        assertThat(CredentialKeys.cloud(Choice.AWS, Secret.of("AKIA:s3cr3t")).get("aws/secret-access-key").reveal())
                .isEqualTo("s3cr3t");
        assertThatThrownBy(() -> CredentialKeys.dns("route53", Secret.of("only-an-id")))
                .isInstanceOf(OpenHavenException.class).hasMessageContaining("access key ID and a secret");
        assertThat(CredentialKeys.dns("manual", Secret.of("x"))).isEmpty();
    }
}
