package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.render.StackRenderer;
import org.openhaven.engine.render.TestSpecs;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.state.HavenStore;

class RenderSecretsTest {

    @TempDir
    Path home;

    @Test
    void withoutAHavenTheSecretsAreThrowAway() {
        RenderSecrets secrets = RenderSecrets.choose(new HavenStore(home), "demo", Map.of(), null);

        assertThat(secrets.fromVault()).isFalse();
        assertThat(secrets.store()).isInstanceOf(InMemorySecretStore.class);
    }

    @Test
    void anExistingHavenRendersFromItsVaultAndKeepsWhatItGenerates() {
        HavenStore havens = new HavenStore(home);
        Path vaultFile = havens.create("demo").vaultFile();
        Vault.openOrCreate(vaultFile, Secret.of("correct horse battery")).put("gitea/GITEA_SECRET_KEY", Secret.of("kept"));

        RenderSecrets secrets = RenderSecrets.choose(havens, "demo",
                Map.of(PassphraseSource.ENV, "correct horse battery"), null);
        new StackRenderer(Catalog.builtIn()).render(TestSpecs.only("gitea"), secrets.store());

        assertThat(secrets.fromVault()).isTrue();
        Vault reopened = Vault.openOrCreate(vaultFile, Secret.of("correct horse battery"));
        assertThat(reopened.find("gitea/GITEA_SECRET_KEY")).contains(Secret.of("kept"));
        assertThat(reopened.keys()).contains("gitea-db/GITEA_DB_PASSWORD", "keycloak/OIDC_GITEA_SECRET");
    }

    @Test
    void anExistingHavenWithoutAPassphraseSaysHowToGiveOne() {
        HavenStore havens = new HavenStore(home);
        Vault.openOrCreate(havens.create("demo").vaultFile(), Secret.of("correct horse battery"));

        assertThatThrownBy(() -> RenderSecrets.choose(havens, "demo", Map.of(), null))
                .hasMessageContaining("needs its passphrase")
                .satisfies(e -> assertThat(((OpenHavenException) e).remedy()).contains(PassphraseSource.ENV));
    }
}
