package org.openhaven.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogLoader;
import org.openhaven.engine.deploy.SshHostDeployer;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenComponents;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.HostBackups;
import org.openhaven.engine.haven.HavenSshKey;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.host.BootstrapOptions;
import org.openhaven.engine.host.HostBootstrap;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.render.StackBundleRenderer;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.BaseOpenings;
import org.openhaven.engine.testsupport.LabHost;
import org.openhaven.engine.testsupport.Requirements;

/**
 * "A server I already have" end to end on the lab host over real SSH, with the real {@link SshHostDeployer}: the
 * live check, the apply's "Check your server" step and owner mark, a second haven refused, destroy removing the
 * haven and keeping the server. The services are STAND-INS (busybox httpd): no registry is reachable here.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExistingServerSystemIT {

    private static final String STANDIN_IMAGE = "openhaven-standin/busybox:1.0.0";

    private LabHost lab;
    private Path work;
    private HavenEngine engine;
    private SshHostDeployer deployer;
    private final SecretStore labKey = new InMemorySecretStore();

    @BeforeAll
    void startOnACleanLabHost() throws IOException {
        Requirements.root();
        Requirements.linux();
        lab = LabHost.shared();
        lab.exec("docker", "tag", LabHost.STANDIN_IMAGE, STANDIN_IMAGE);
        removeAnyHaven();
        work = Files.createTempDirectory("openhaven-existing-it");
        Catalog catalog = new CatalogLoader().loadWithOverrides(LabServers.standInCatalog());
        Path home = work.resolve("home");
        deployer = new SshHostDeployer(KnownHostsFile.in(home), "existing-it@lab", false);
        engine = new HavenEngine(new HavenStore(home), ProviderRegistry.discover(),
                new HavenComponents((s, key) -> "", new StackBundleRenderer(catalog), deployer,
                        HostBackups.unavailable()), Applier.standard(), Clock.systemUTC());
        labKey.put(HavenSshKey.privateKeyName(), lab.rootKey().privateKeyPem());
    }

    @AfterAll
    void leaveTheSharedLabHostWithoutAHaven() throws IOException {
        if (lab != null) {
            removeAnyHaven();
        }
        if (work != null) {
            LabServers.deleteTree(work);
        }
    }

    private void removeAnyHaven() {
        lab.exec("sh", "-c", "cd /opt/openhaven/current 2>/dev/null && docker-compose -p openhaven down -t 1 || true; "
                + "rm -rf /opt/openhaven");
    }

    private ServerSpec server() {
        return new ServerSpec("ssh", null, null, lab.address(), 22, "root", null);
    }

    private HavenSpec spec(String id) {
        return new HavenSpec(id, id + ".example.org", new Owner("Ada Lovelace", "ada@example.org"), server(),
                new DnsSpec("manual", null), TlsMode.HTTP_01, List.of(ServiceSelection.of("portal")), null,
                VpnSpec.NONE, MailSpec.OFF);
    }

    @Test
    @Order(1)
    void liveCheckNamesTheLoginTheSystemAndTheHostKeyItPinned() {
        String line = engine.checkExistingServer(server(), labKey, null).describe();

        try (SshConnection c = SshConnection.open(lab.target("root"), lab.rootKey().privateKeyPem(), null,
                Duration.ofSeconds(10))) {
            assertThat(line).isEqualTo("root@" + lab.address() + ":22 · Debian GNU/Linux 12 (bookworm) · host key "
                    + c.hostKeyFingerprint());
            // the pin deploy will expect is the one the check met
            assertThat(KnownHostsFile.in(work.resolve("home")).pinned(lab.address(), 22))
                    .contains(c.hostKeyFingerprint());
        }
    }

    @Test
    @Order(2)
    void liveCheckWithAKeyTheServerDoesNotKnowFailsWithTheLineToAdd() {
        SecretStore stranger = new InMemorySecretStore();
        String line = engine.sshPublicKey("stranger", stranger);
        assertThat(engine.sshPublicKey("stranger", stranger)).as("an existing key is kept").isEqualTo(line);

        assertThatThrownBy(() -> engine.checkExistingServer(server(), stranger, null))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).isEqualTo("The server root@" + lab.address()
                            + ":22 refused the haven's SSH key.");
                    assertThat(e.remedy()).contains(line, "mkdir -p ~/.ssh && echo '" + line
                            + "' >> ~/.ssh/authorized_keys");
                });
    }

    @Test
    @Order(3)
    void applyChecksTheServerAndMarksItThenASecondHavenIsRefusedNamingTheFirst() {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        RunResult first = engine.apply(spec("family"), labKey, null, events::add, new CancellationToken(), "it");

        assertThat(first.succeeded()).as("%s", first.failures()).isTrue();
        assertThat(events).filteredOn(ProgressEvent.StepSucceeded.class::isInstance)
                .map(e -> (ProgressEvent.StepSucceeded) e).filteredOn(e -> e.stepId().equals("check-server"))
                .singleElement().satisfies(e -> assertThat(e.summary())
                        .startsWith("root@" + lab.address() + ":22 · Debian GNU/Linux 12")
                        .endsWith("marked as haven family's"));
        assertThat(lab.exec("cat", "/opt/openhaven/haven-id").strip()).isEqualTo("family");

        RunResult second = engine.apply(spec("work"), labKey, null, e -> { }, new CancellationToken(), "it");

        assertThat(second.succeeded()).isFalse();
        assertThat(second.failures()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(ErrorCategory.CONFIG);
            assertThat(f.userMessage()).contains("already runs the haven 'family'");
        });
        assertThat(lab.exec("cat", "/opt/openhaven/haven-id").strip()).isEqualTo("family");
    }

    @Test
    @Order(4)
    void destroyOfTheOtherHavenIsRefusedAndDestroyOfTheOwnerStopsTheStackAndRemovesOnlyOpenHavensDirectory() {
        assertThat(lab.exec("docker", "ps", "-q")).isNotBlank();
        assertThatThrownBy(() -> engine.destroy(spec("work"), labKey, false, e -> { }, "it"))
                .isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.userMessage()).contains("belongs to another haven", "family"));

        assertThat(engine.destroy(spec("family"), labKey, true, e -> { }, "it").removed()).containsExactly(
                "the haven's services and /opt/openhaven on root@" + lab.address() + ":22 (the server itself, its "
                        + "SSH access, Docker and the hardening stay)");
        assertThat(lab.exec("cat", "/opt/openhaven/haven-id").strip()).as("dry run").isEqualTo("family");

        engine.destroy(spec("family"), labKey, false, e -> { }, "it");

        assertThat(lab.exec("sh", "-c", "test -e /opt/openhaven && echo present || echo gone").strip())
                .isEqualTo("gone");
        assertThat(lab.exec("docker", "ps", "-q", "--filter", "label=com.docker.compose.project=openhaven"))
                .isBlank();
        assertThat(lab.exec("sh", "-c", "test -x /usr/sbin/sshd && test -f /etc/ssh/sshd_config.d/00-openhaven.conf "
                + "&& echo kept").strip()).isEqualTo("kept");
        assertThat(engine.checkExistingServer(server(), labKey, "family").describe()).startsWith("root@");
    }

    @Test
    @Order(5)
    void busyWebPortsAndMissingSudoAreReportedBeforeAnythingChanges() {
        lab.exec("sh", "-c", "id -u nosudo >/dev/null 2>&1 || useradd -m nosudo; install -d -m 0700 -o nosudo "
                + "/home/nosudo/.ssh; cp /root/.ssh/authorized_keys /home/nosudo/.ssh/; chown nosudo "
                + "/home/nosudo/.ssh/authorized_keys");
        // A web server squatting on port 80 in the host's network namespace (a stand-in for nginx or apache2).
        lab.exec("docker", "run", "-d", "--name", "squatter", "--network", "host", LabHost.STANDIN_IMAGE,
                "httpd", "-f", "-p", "80", "-h", "/");
        try {
            ServerSpec asNosudo = new ServerSpec("ssh", null, null, lab.address(), 22, "nosudo", null);
            assertThatThrownBy(() -> engine.checkExistingServer(asNosudo, labKey, "family"))
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                        assertThat(e.userMessage()).contains("may not run commands as root",
                                "Ports 80/443 are already in use");
                        assertThat(e.remedy()).contains("NOPASSWD", "systemctl disable --now");
                    });
            assertThat(lab.exec("sh", "-c", "test -e /opt/openhaven && echo present || echo untouched").strip())
                    .isEqualTo("untouched");
            // The bootstrap itself refuses too, before it changes anything.
            HostBootstrap bootstrap = new HostBootstrap(new BootstrapOptions("portcheck",
                    new SecretGenerators().ed25519("x").publicKeyLine(), BaseOpenings.WEB_AND_WIREGUARD, false));
            try (SshConnection root = SshConnection.open(lab.target("root"), lab.rootKey().privateKeyPem(), null,
                    Duration.ofSeconds(10))) {
                assertThatThrownBy(() -> bootstrap.run(new SshExecutor(root), OutputConsumer.IGNORE))
                        .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                            assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                            assertThat(e.userMessage()).contains("ports 80/443 are already in use");
                            assertThat(e.remedy()).contains("port 80 or 443");
                        });
            }
            assertThat(lab.exec("sh", "-c", "id -u portcheck >/dev/null 2>&1 && echo created || echo untouched")
                    .strip()).isEqualTo("untouched");
        } finally {
            lab.exec("docker", "rm", "-f", "squatter");
        }
    }
}
