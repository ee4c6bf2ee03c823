package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openhaven.desktop.dashboard.DashboardViewModel;
import org.openhaven.desktop.tray.Notification;
import org.openhaven.desktop.tray.NotificationPolicy;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogLoader;
import org.openhaven.engine.deploy.SshHostDeployer;
import org.openhaven.engine.haven.HavenComponents;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.HostBackups;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.plan.Applier;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.render.StackBundleRenderer;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.LabHost;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The dashboard against a real server: the desktop's gateway deploys a small stack of stand-in services onto a
 * {@link LabHost} (a Debian container with sshd and Docker, over real SSH) through the real engine, then the
 * dashboard's view-model shows what the user would see. Stopping a container on the server turns its service
 * "down" on the next poll, and the tray's policy raises the "service down" notification.
 *
 * <p>The services are STAND-INS (busybox httpd from an image imported into the lab host; no registry is reachable
 * here): the engine's end-to-end stand-ins for traefik, keycloak and portal, plus a second web service, notes. The
 * HTTPS half of the health check cannot run here (no DNS, no certificates in the lab), so the probe answers
 * UNKNOWN and the server's own view decides, which is what this test is about.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardOnLabHostIT {

    private static final Secret PASSPHRASE = Secret.of("lab dashboard passphrase");
    private static final String STANDIN_TAG = "openhaven-standin/busybox:1.0.0";
    private static final String ENGINE_STANDINS = "org/openhaven/engine/e2e/standin-catalog/";
    private static final ServiceProbe NO_HTTPS_IN_THE_LAB = url -> new ServiceProbe.Result(
            ServiceHealth.State.UNKNOWN, null);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private Path work;
    private LabHost lab;
    private EngineBackedGateway gateway;
    private HavenSpec spec;

    @BeforeAll
    void deployTheStandInStackThroughTheRealEngine() throws IOException {
        Requirements.root();
        Requirements.linux();
        work = Files.createTempDirectory("openhaven-desktop-lab");
        lab = LabHost.shared();
        lab.exec("docker", "tag", LabHost.STANDIN_IMAGE, STANDIN_TAG); // the stand-in catalog wants this tag
        Catalog catalog = new CatalogLoader().loadWithOverrides(standInCatalog(work.resolve("catalog")));
        Path home = work.resolve("home");
        HavenEngine engine = new HavenEngine(new HavenStore(home), ProviderRegistry.discover(),
                new HavenComponents((s, key) -> "", new StackBundleRenderer(catalog),
                        new SshHostDeployer(KnownHostsFile.in(home), "desktop-it@lab", false),
                        HostBackups.unavailable()),
                Applier.standard(), clock);
        gateway = new EngineBackedGateway(catalog, ProviderRegistry.discover(), engine, NO_HTTPS_IN_THE_LAB,
                clock::instant);
        spec = new HavenSpec("deskit", "deskit.example.org", new Owner("Ada Lovelace", "ada@example.org"),
                new ServerSpec("ssh", null, null, lab.address(), 22, "root", null), new DnsSpec("manual", null),
                TlsMode.HTTP_01, List.of(ServiceSelection.of("portal"), ServiceSelection.of("notes")), null,
                VpnSpec.NONE, MailSpec.OFF);
        gateway.openVault(PASSPHRASE);
        gateway.storeSecret("ssh/haven-key", lab.rootKey().privateKeyPem());
        gateway.storeSecret("ssh/haven-key.pub", Secret.of(lab.rootKey().publicKeyLine()));

        gateway.apply(spec, event -> { }, new Cancellation());
    }

    @AfterAll
    void removeWhatTheTestMade() throws IOException {
        if (lab != null) {
            // the shared lab host outlives this class: leave it without this haven's containers
            lab.exec("sh", "-c", "cd /opt/openhaven/current 2>/dev/null && docker-compose down -t 1 || true");
            lab.exec("rm", "-rf", "/opt/openhaven");
        }
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    @Order(1)
    void theDashboardListsEachStandInWebServiceWithTheHealthTheServerReports() {
        DashboardViewModel dashboard = new DashboardViewModel(gateway, Async.direct(), clock);

        dashboard.refresh();

        assertThat(dashboard.errorProperty().get()).as("the server answered over SSH").isEmpty();
        assertThat(dashboard.services()).extracting(ServiceHealth::id, ServiceHealth::url, ServiceHealth::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("portal", "https://home.deskit.example.org",
                                ServiceHealth.State.UP),
                        org.assertj.core.groups.Tuple.tuple("notes", "https://notes.deskit.example.org",
                                ServiceHealth.State.UP));
        assertThat(dashboard.statusProperty().get().havenName()).isEqualTo("deskit");
        assertThat(dashboard.lastBackupProperty().get()).as("no backup target in this haven")
                .isEqualTo("No backup has run yet");
        assertThat(gateway.selectedHaven()).contains(new HavenRef("deskit", "deskit.example.org"));
    }

    @Test
    @Order(2)
    void aStoppedContainerTurnsItsServiceDownOnTheNextPollAndTheTrayIsTold() {
        DashboardViewModel dashboard = new DashboardViewModel(gateway, Async.direct(), clock);
        NotificationPolicy tray = new NotificationPolicy();
        dashboard.refresh();
        assertThat(tray.onStatus(dashboard.statusProperty().get(), clock.instant()))
                .extracting(Notification::key).doesNotContain("down:notes", "down:portal");

        lab.exec("sh", "-c", "docker stop -t 1 $(docker ps -q --filter name=notes)");
        dashboard.refresh();

        Map<String, ServiceHealth.State> states = dashboard.services().stream()
                .collect(Collectors.toMap(ServiceHealth::id, ServiceHealth::state));
        assertThat(states).containsEntry("notes", ServiceHealth.State.DOWN)
                .containsEntry("portal", ServiceHealth.State.UP);
        List<Notification> told = tray.onStatus(dashboard.statusProperty().get(), clock.instant());
        assertThat(told).filteredOn(n -> n.key().startsWith("down:")).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("down:notes");
            assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
            assertThat(n.title()).contains("notes stand-in");
        });

        lab.exec("sh", "-c", "docker start $(docker ps -aq --filter name=notes)");
        Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).until(() -> {
            dashboard.refresh();
            return dashboard.services().stream().allMatch(s -> s.state() == ServiceHealth.State.UP);
        });
        assertThat(tray.onStatus(dashboard.statusProperty().get(), clock.instant()))
                .as("a recovered service is not news").noneMatch(n -> n.key().startsWith("down:"));
    }

    /** The engine's stand-ins (read from its test jar) plus this test's second web service, in one directory. */
    private static Path standInCatalog(Path dir) throws IOException {
        for (String service : List.of("traefik", "keycloak", "portal")) {
            copy(ENGINE_STANDINS + service, dir.resolve(service));
        }
        copy("org/openhaven/desktop/engine/standin-notes/notes", dir.resolve("notes"));
        return dir;
    }

    private static void copy(String resourceDir, Path target) throws IOException {
        Files.createDirectories(target);
        for (String file : List.of("service.yaml", "compose.yaml")) {
            try (InputStream in = DashboardOnLabHostIT.class.getClassLoader()
                    .getResourceAsStream(resourceDir + "/" + file)) {
                if (in == null) {
                    throw new IllegalStateException(resourceDir + "/" + file + " is not on the test class path");
                }
                Files.copy(in, target.resolve(file));
            }
        }
    }
}
