package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.testsupport.TestHavens;

/** The built-in seams the CLI falls back to: the real stack renderer and the host bootstrap as cloud-init. */
class DiscoveredComponentsTest {

    @TempDir
    Path dir;

    private final HavenSpec spec = TestHavens.cloudSpec("family");

    @Test
    void theBuiltInRendererWritesTheBundleAndNamesItByItsHash() throws Exception {
        InMemorySecretStore secrets = new InMemorySecretStore();
        Path first = Files.createDirectory(dir.resolve("a"));
        Path second = Files.createDirectory(dir.resolve("b"));

        String hash = DiscoveredComponents.renderWithStackRenderer(spec, secrets, first);

        assertThat(first.resolve("compose.yaml")).exists();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(DiscoveredComponents.renderWithStackRenderer(spec, secrets, second)).as("deterministic").isEqualTo(hash);
    }

    @Test
    void theBuiltInUserDataCarriesThePublicKeyAndNoSecret() {
        SecretGenerators.SshKeyPair pair = new SecretGenerators().ed25519("family@openhaven");
        String userData = DiscoveredComponents.bootstrapCloudInit(spec, pair.publicKeyLine());
        assertThat(userData).startsWith("#cloud-config").contains(pair.publicKeyLine()).doesNotContain("PRIVATE");
    }
}
