package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.HavenSpecWriter;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * What the real gateway finds missing for a recovery, on the real engine in a temporary OPENHAVEN home: the kit
 * read by the engine, the spec checked against it by the engine, the vault asked for keys and tokens.
 */
class EngineBackedGatewayRecoveryTest {

    private static final Secret PASSPHRASE = Secret.of("recovery test passphrase, long enough");
    private static final BackupSpec BACKUP = new BackupSpec("https://s3.example.test", "eu-1", "haven-backups",
            "lost", "03:30", BackupSpec.Retention.DEFAULT);

    @TempDir
    Path home;
    @TempDir
    Path work;

    private HavenEngine engine;
    private EngineBackedGateway gateway;

    @BeforeEach
    void aComputerThatKnowsNoHaven() {
        FileBackedTestProvider provider = new FileBackedTestProvider(work.resolve("provider.json"));
        engine = TestHavens.engine(home, provider, new FileBackedTestHost(work.resolve("host.log")));
        gateway = new EngineBackedGateway(Catalog.builtIn(), TestHavens.registry(provider), engine,
                url -> new ServiceProbe.Result(ServiceHealth.State.UP, null));
        gateway.openVault(PASSPHRASE);
    }

    private Path kit(String haven) {
        Path file = work.resolve(haven + "-kit.md");
        RecoveryKitFile.write(new RecoveryKit(haven, haven + ".example.org", ResticRepository.of(BACKUP),
                Secret.of("kit-password-123"), Instant.parse("2026-11-24T20:30:00Z")), file);
        return file;
    }

    /** A haven.yaml at Hetzner with Cloudflare DNS, as the wizard writes it. */
    private Path spec(String name) throws IOException {
        HavenSpec test = TestHavens.cloudSpec(name);
        HavenSpec spec = new HavenSpec(name, test.domain(), test.owner(),
                new ServerSpec("hetzner", "fsn1", "cx22", null, null, null, null), new DnsSpec("cloudflare", null),
                test.tls(), test.services(), BACKUP, test.vpn(), test.mail());
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, new HavenSpecWriter().write(spec), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anUnknownHavenNeedsItsSpecFirst() {
        RecoveryNeeds needs = gateway.inspectRecovery(kit("lost"), null);

        assertThat(needs.havenId()).isEqualTo("lost");
        assertThat(needs.specNeeded()).isTrue();
        assertThat(needs.backupLocation()).contains("haven-backups");
        assertThat(needs.confirmation()).contains("NEW server for lost").contains("The old server is kept");
    }

    @Test
    void withItsSpecANewComputerNeedsTheKeysAndBothTokens() throws IOException {
        RecoveryNeeds needs = gateway.inspectRecovery(kit("lost"), spec("lost"));

        assertThat(needs.specNeeded()).isFalse();
        assertThat(needs.cloudToken()).isEqualTo(Choice.HETZNER);
        assertThat(needs.dnsProvider()).isEqualTo("cloudflare");
        assertThat(engine.vaultExists("lost")).as("looking creates no vault").isFalse();
    }

    @Test
    void theSpecOfAnotherHavenIsRefusedNamingBoth() throws IOException {
        Path other = spec("other");

        assertThatThrownBy(() -> gateway.inspectRecovery(kit("lost"), other))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("'lost' (lost.example.org)").hasMessageContaining("'other' (other.example.org)");
    }

    @Test
    void aFileThatIsNoKitIsRefusedWithARemedy() throws IOException {
        Path notes = work.resolve("notes.txt");
        Files.writeString(notes, "not a kit\n");

        assertThatThrownBy(() -> gateway.inspectRecovery(notes, null)).isInstanceOfSatisfying(
                OpenHavenException.class, e -> assertThat(e.remedy()).isNotBlank());
    }

    @Test
    void aKnownHavenWhoseVaultHoldsEverythingNeedsNothingMore() throws IOException {
        Files.copy(spec("lost"), engine.store().create("lost").specFile());
        Vault vault = engine.openVault("lost", PASSPHRASE);
        vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("t"));
        vault.put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of("t"));
        vault.put(BackupCredentials.ACCESS_KEY_ID_KEY, Secret.of("id"));
        vault.put(BackupCredentials.SECRET_ACCESS_KEY_KEY, Secret.of("secret"));

        RecoveryNeeds needs = gateway.inspectRecovery(kit("lost"), null);

        assertThat(needs.complete()).isTrue();
    }
}
