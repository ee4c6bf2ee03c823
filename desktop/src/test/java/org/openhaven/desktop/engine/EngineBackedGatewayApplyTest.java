package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.backup.BackupHealth;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;
import org.openhaven.engine.testsupport.TestProviderFactories;

/**
 * The gateway on a real {@link HavenEngine} in a temporary OPENHAVEN home, with the engine's test-scope cloud
 * (a provider keeping its resources in a file) and test host (no SSH): what the wizard does from the passphrase
 * dialog to the Done page.
 */
class EngineBackedGatewayApplyTest {

    private static final Secret PASSPHRASE = Secret.of("correct horse battery staple");
    private static final String TOKEN = "tok-7f3a9c1e55d2";
    private static final Instant EXPIRY = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant LAST_SUCCESS = Instant.parse("2026-11-24T03:31:09Z");
    private static final ServiceProbe UP_UNTIL_NEW_YEAR =
            url -> new ServiceProbe.Result(ServiceHealth.State.UP, EXPIRY);

    @TempDir
    Path home;
    @TempDir
    Path work;

    private FileBackedTestProvider provider;
    private FileBackedTestHost host;
    /** What the gateway's probe and clock answer; tests change them between status calls. */
    private volatile ServiceProbe probe = UP_UNTIL_NEW_YEAR;
    private volatile Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private HavenEngine engine;
    private EngineBackedGateway gateway;
    private final HavenSpec spec = TestHavens.cloudSpec("deskhaven", List.of("vaultwarden", "gitea", "wireguard"));

    @BeforeEach
    void engineInTemporaryHome() {
        provider = new FileBackedTestProvider(work.resolve("provider.json"));
        host = new FileBackedTestHost(work.resolve("host.log"));
        engine = TestHavens.engine(home, provider, host);
        gateway = new EngineBackedGateway(Catalog.builtIn(), TestHavens.registry(provider), engine,
                url -> probe.probe(url), () -> now);
    }

    @Test
    void typedCredentialsLandInTheEncryptedVaultAndInNoPlainFile() throws IOException {
        gateway.openVault(PASSPHRASE);
        gateway.storeSecret(TestProviderFactories.TOKEN_KEY, Secret.of(TOKEN));

        gateway.plan(spec);

        Vault vault = Vault.openOrCreate(engine.directory("deskhaven").vaultFile(), PASSPHRASE);
        assertThat(vault.find(TestProviderFactories.TOKEN_KEY)).map(Secret::reveal).contains(TOKEN);
        assertThat(engine.directory("deskhaven").specFile()).exists();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("%s", file).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void aWrongPassphraseForAnExistingVaultIsRefused() {
        gateway.openVault(PASSPHRASE);
        gateway.plan(spec);
        gateway.apply(spec, e -> { }, new Cancellation());
        EngineBackedGateway later = new EngineBackedGateway(Catalog.builtIn(), TestHavens.registry(provider), engine,
                UP_UNTIL_NEW_YEAR);

        assertThatThrownBy(() -> later.openVault(Secret.of("wrong passphrase")))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).contains("wrong passphrase");
                    assertThat(e.remedy()).contains("Check the passphrase");
                });
    }

    @Test
    void planPreviewListsTheResourcesToCreateAndTheFirewallOpenings() {
        PlanPreview preview = gateway.plan(spec);

        assertThat(preview.change()).isEmpty();
        assertThat(preview.delete()).isEmpty();
        assertThat(preview.create()).anySatisfy(line -> assertThat(line).startsWith("server "))
                .anySatisfy(line -> assertThat(line).startsWith("firewall "))
                .anySatisfy(line -> assertThat(line).startsWith("dns record "));
        assertThat(preview.firewall()).extracting(r -> r.port()).contains(22, 80, 443, 51820);
        assertThat(preview.monthlyCost()).as("server 5.00 + IPv4 1.00 at the test provider").isEqualByComparingTo("6.00");
        assertThat(preview.currency()).isEqualTo("EUR");
        assertThat(preview.costNote()).contains("price table");
    }

    @Test
    void applyReportsEveryStepToSuccessAndTheDonePageData() {
        gateway.openVault(PASSPHRASE);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        DeployResult result = gateway.apply(spec, events::add, new Cancellation());

        assertThat(events).filteredOn(ProgressEvent.StepStarted.class::isInstance).isNotEmpty();
        assertThat(events).noneMatch(ProgressEvent.StepFailed.class::isInstance);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(ProgressEvent.RunFinished.class,
                f -> assertThat(f.outcome()).isEqualTo(ProgressEvent.Outcome.SUCCEEDED));
        assertThat(result.serviceLinks()).extracting(DeployResult.Link::url)
                .contains("https://" + subdomain("vaultwarden") + ".deskhaven.example.org");
        assertThat(result.adminUser()).isEqualTo("ada@example.org");
        assertThat(result.adminPassword()).isNotNull();
        assertThat(result.adminPassword().reveal()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(result.peers()).singleElement().satisfies(peer -> {
            assertThat(peer.name()).isEqualTo("phone");
            assertThat(peer.address()).startsWith("10.");
            assertThat(peer.clientConfig().reveal()).contains("[Interface]", "PrivateKey");
        });
    }

    @Test
    void aFailingStepSaysWhatAndWhatToDoAndRetryResumes() {
        gateway.openVault(PASSPHRASE);
        provider.rejectCredentials(true);
        List<ProgressEvent> failedRun = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> gateway.apply(spec, failedRun::add, new Cancellation()))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).isNotBlank();
                    assertThat(e.remedy()).isNotBlank();
                });
        assertThat(failedRun).anyMatch(ProgressEvent.StepFailed.class::isInstance);

        provider.rejectCredentials(false);
        gateway.apply(spec, e -> { }, new Cancellation());
        int serversAfterRetry = serversCreated();
        List<ProgressEvent> again = new CopyOnWriteArrayList<>();
        gateway.apply(spec, again::add, new Cancellation());

        assertThat(serversAfterRetry).isEqualTo(1);
        assertThat(serversCreated()).isEqualTo(1);
        assertThat(again).filteredOn(ProgressEvent.StepSucceeded.class::isInstance)
                .allSatisfy(e -> assertThat(((ProgressEvent.StepSucceeded) e).changed()).isFalse());
    }

    @Test
    void aCancelledApplyIsReportedAsCancelled() {
        gateway.openVault(PASSPHRASE);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        assertThatThrownBy(() -> gateway.apply(spec, e -> { }, cancellation))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED));
    }

    @Test
    void dashboardReadsTheSavedSpecAndProbesEachService() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());

        HavenStatus status = gateway.status();

        assertThat(gateway.currentSpec().domain()).isEqualTo("deskhaven.example.org");
        assertThat(status.services()).extracting(ServiceHealth::id).contains("vaultwarden", "gitea");
        assertThat(status.services()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(ServiceHealth.State.UP);
            assertThat(s.certificateExpiry()).isEqualTo(EXPIRY);
            assertThat(s.url()).startsWith("https://").endsWith(".deskhaven.example.org");
        });
        assertThat(status.deploying()).isFalse();
        assertThat(gateway.vpnPeers()).extracting(VpnPeer::name).containsExactly("phone");
    }

    @Test
    void dashboardTakesEachServiceStateFromTheServerAndTheLastBackupFromItsStatusFile() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());
        host.serviceState("gitea-db", "running", "unhealthy");
        host.serviceState("vaultwarden", "exited", "none");
        host.backupStatus(backupStatusJson("success", null));

        HavenStatus status = gateway.status();

        assertThat(status.services()).extracting(ServiceHealth::id, ServiceHealth::state).contains(
                tuple("gitea", ServiceHealth.State.DEGRADED),
                tuple("vaultwarden", ServiceHealth.State.DOWN));
        assertThat(status.lastBackup()).isEqualTo(LAST_SUCCESS);
        assertThat(status.backupHealth()).isEqualTo(BackupHealth.HEALTHY);
        assertThat(status.backupError()).isEmpty();
        assertThat(status.serverProblem()).isEmpty();
    }

    @Test
    void withMailTheDashboardListsTheMailServerWithTheServersVerdictAndNoLink() {
        HavenSpec mail = new HavenSpec(spec.name(), spec.domain(), spec.owner(), spec.server(), spec.dns(),
                spec.tls(), spec.services(), null, spec.vpn(), new MailSpec(true));
        gateway.openVault(PASSPHRASE);
        gateway.apply(mail, e -> { }, new Cancellation());
        host.serviceState("mail", "running", "unhealthy");

        assertThat(gateway.status().services()).filteredOn(h -> h.id().equals("mail"))
                .singleElement().satisfies(h -> {
                    assertThat(h.name()).isEqualTo("Mail");
                    assertThat(h.state()).isEqualTo(ServiceHealth.State.DEGRADED);
                    assertThat(h.url()).isNull();
                });
    }

    @Test
    void withoutMailTheDashboardHasNoMailRow() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());

        assertThat(gateway.status().services()).extracting(ServiceHealth::id).doesNotContain("mail");
    }

    @Test
    void anUnreachableProxyMarksAServiceTheServerCallsHealthyAsDown() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());
        probe = url -> new ServiceProbe.Result(ServiceHealth.State.DOWN, null);

        assertThat(gateway.status().services()).extracting(ServiceHealth::state)
                .containsOnly(ServiceHealth.State.DOWN);
    }

    @Test
    void aFailedBackupRunIsReportedWithItsReasonAndTheEarlierSuccess() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());
        host.backupStatus(backupStatusJson("failed", "restic backup failed with exit code 1"));

        HavenStatus status = gateway.status();

        assertThat(status.backupHealth()).isEqualTo(BackupHealth.FAILED);
        assertThat(status.backupError()).isEqualTo("restic backup failed with exit code 1");
        assertThat(status.lastBackup()).isEqualTo(LAST_SUCCESS);
    }

    @Test
    void aBackupOlderThan26HoursIsOverdueAndNoStatusFileMeansNotYetRun() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());

        assertThat(gateway.status().backupHealth()).isEqualTo(BackupHealth.NOT_YET_RUN);
        assertThat(gateway.status().lastBackup()).isNull();

        host.backupStatus(backupStatusJson("success", null));
        now = LAST_SUCCESS.plus(Duration.ofHours(26));
        assertThat(gateway.status().backupHealth()).isEqualTo(BackupHealth.HEALTHY);
        now = LAST_SUCCESS.plus(Duration.ofHours(27));
        assertThat(gateway.status().backupHealth()).isEqualTo(BackupHealth.OVERDUE);
    }

    @Test
    void anUnreachableServerGivesAStatusLineAndTheProbeStillJudgesTheServices() {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());
        host.unreachable("Could not connect to 203.0.113.10:22 (connection refused).");

        HavenStatus status = gateway.status();

        assertThat(status.serverProblem()).isEqualTo("Could not connect to 203.0.113.10:22 (connection refused)."
                + " Check that the server is running and reachable, then try again.");
        assertThat(status.backupHealth()).isNull();
        assertThat(status.lastBackup()).isNull();
        assertThat(status.services()).isNotEmpty().extracting(ServiceHealth::state)
                .containsOnly(ServiceHealth.State.UP);
    }

    /** The shape the server's openhaven-backup script writes (see BackupStatusParserTest in the engine). */
    private static String backupStatusJson(String result, String error) {
        return "{\"result\":\"" + result + "\",\"startedAt\":\"2026-11-24T03:30:00Z\",\"finishedAt\":"
                + "\"2026-11-24T03:31:00Z\",\"error\":" + (error == null ? "null" : "\"" + error + "\"")
                + ",\"lastSuccess\":{\"startedAt\":\"2026-11-23T03:30:00Z\",\"finishedAt\":\""
                + LAST_SUCCESS + "\",\"tag\":\"scheduled\",\"summary\":{\"snapshot_id\":\"4f1c2a9b\","
                + "\"total_bytes_processed\":5242880,\"data_added\":1048,\"total_duration\":61.25}}}";
    }

    @Test
    void addingAndRemovingAVpnDeviceChangesTheSavedSpecAndItsConfigurations() throws IOException {
        gateway.openVault(PASSPHRASE);
        gateway.apply(spec, e -> { }, new Cancellation());

        VpnPeer laptop = gateway.addVpnPeer("laptop");

        assertThat(laptop.clientConfig().reveal()).contains("[Interface]", "[Peer]");
        assertThat(laptop.address()).isNotEqualTo(gateway.vpnPeers().stream()
                .filter(p -> p.name().equals("phone")).findFirst().orElseThrow().address());
        assertThat(gateway.vpnPeers()).extracting(VpnPeer::name).containsExactlyInAnyOrder("phone", "laptop");
        assertThat(Files.readString(engine.directory("deskhaven").specFile())).contains("laptop");

        gateway.removeVpnPeer("phone");

        assertThat(gateway.vpnPeers()).extracting(VpnPeer::name).containsExactly("laptop");
        assertThat(Files.readString(engine.directory("deskhaven").specFile())).doesNotContain("phone");
    }

    private int serversCreated() {
        return provider.snapshot().creations.entrySet().stream().filter(e -> e.getKey().startsWith("SERVER:"))
                .mapToInt(java.util.Map.Entry::getValue).sum();
    }

    private static String subdomain(String service) {
        return Catalog.builtIn().entries().get(service).definition().subdomain();
    }
}
