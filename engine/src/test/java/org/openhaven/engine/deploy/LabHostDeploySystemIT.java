package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.host.BootstrapOptions;
import org.openhaven.engine.host.FirewallRuleset;
import org.openhaven.engine.host.HostBootstrap;
import org.openhaven.engine.remote.CountingExecutor;
import org.openhaven.engine.remote.HostKeyPins;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.remote.SshTarget;
import org.openhaven.engine.render.ConfigHashLabels;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.status.StatusGatherer;
import org.openhaven.engine.status.StatusReport;
import org.openhaven.engine.testsupport.BaseOpenings;
import org.openhaven.engine.testsupport.LabHost;
import org.openhaven.engine.testsupport.StandInServices;

/**
 * The real engine against a lab host over real SSH: bootstrap (hardening and firewall; no package installs, the
 * lab has no internet), then deploys of a stack of stand-in services built from busybox-static, a broken release
 * that must roll back, a deploy refused by the lock, and the status report.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabHostDeploySystemIT {

    private static final Duration CONNECT = Duration.ofSeconds(20);
    private LabHost lab;
    private final SecretGenerators.SshKeyPair havenKey = new SecretGenerators().ed25519("haven");
    private String pinned;

    @BeforeAll
    void startLabHost() {
        lab = LabHost.fresh();
    }

    @AfterAll
    void removeLabHost() {
        if (lab != null) {
            lab.remove();
        }
    }

    @Test
    @Order(1)
    void bootstrapHardensSshdAndLoadsADefaultDenyFirewallWithExactlyTheExpectedOpenings() {
        HostBootstrap bootstrap = new HostBootstrap(new BootstrapOptions("haven", havenKey.publicKeyLine(),
                BaseOpenings.WEB_AND_WIREGUARD, false));
        try (SshConnection root = SshConnection.open(lab.target("root"), lab.rootKey().privateKeyPem(), null,
                CONNECT)) {
            pinned = root.hostKeyFingerprint();
            bootstrap.run(new SshExecutor(root), OutputConsumer.IGNORE);
            bootstrap.run(new SshExecutor(root), OutputConsumer.IGNORE); // idempotent: a second run changes nothing
        }
        assertThat(pinned).startsWith("SHA256:");
        String sshd = lab.exec("sshd", "-T");
        assertThat(sshd).contains("passwordauthentication no", "kbdinteractiveauthentication no",
                "permitrootlogin without-password");
        assertThat(lab.exec("sh", "-c", "grep -c ssh-ed25519 /home/haven/.ssh/authorized_keys").strip())
                .isEqualTo("1");
        String table = lab.exec("nft", "list", "table", "inet", "openhaven");
        assertThat(table).contains("policy drop;");
        List<String> accepts = table.lines().map(String::strip)
                .filter(l -> l.contains("dport") && l.endsWith("accept")).toList();
        assertThat(accepts).containsExactly("tcp dport { 22, 80, 443 } accept", "udp dport 51820 accept");
    }

    @Test
    @Order(2)
    void releaseComesUpHealthyAndARepeatedDeploySkipsTheUpload() {
        try (SshConnection admin = SshConnection.open(lab.target("haven"), havenKey.privateKeyPem(), pinned, CONNECT)) {
            CountingExecutor counting = new CountingExecutor(new SshExecutor(admin));
            DeployResult first = new Deployer(counting, ServerLayout.DEFAULT).deploy(bundle("one", true), "test@lab",
                    OutputConsumer.IGNORE);
            assertThat(first.uploaded()).isTrue();
            assertThat(counting.roundTrips()).isLessThanOrEqualTo(10);
            assertThat(served()).isEqualTo("release one");
            DeployResult again = new Deployer(counting, ServerLayout.DEFAULT).deploy(bundle("one", true), "test@lab",
                    OutputConsumer.IGNORE);
            assertThat(again.uploaded()).isFalse();
        }
        // The deploy replaced the bootstrap's ruleset with the release's: its extra port is open, WireGuard (not in
        // this stack) is closed again.
        assertThat(lab.exec("nft", "list", "table", "inet", "openhaven").lines().map(String::strip)
                .filter(l -> l.contains("dport") && l.endsWith("accept")).toList())
                .containsExactly("tcp dport { 22, 80, 443, 2222 } accept");
        assertThat(lab.exec("stat", "-c", "%a %U", "/opt/openhaven/current/.env").strip()).isEqualTo("600 root");
        assertThat(lab.exec("ls", "/opt/openhaven").lines().toList()).doesNotContain(".deploy-lock");
    }

    @Test
    @Order(3)
    void brokenReleaseRollsBackAndTheOldOneKeepsServing() {
        try (SshConnection admin = SshConnection.open(lab.target("haven"), havenKey.privateKeyPem(), pinned, CONNECT)) {
            Deployer deployer = new Deployer(new SshExecutor(admin), ServerLayout.DEFAULT);
            assertThatThrownBy(() -> deployer.deploy(bundle("two", false), "test@lab", OutputConsumer.IGNORE))
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.REMOTE_COMMAND);
                        assertThat(e.userMessage()).contains("'web' did not become healthy",
                                "The previous release one is serving again");
                    });
        }
        assertThat(lab.exec("readlink", "/opt/openhaven/current").strip()).isEqualTo("/opt/openhaven/releases/one");
        assertThat(served()).isEqualTo("release one");
    }

    @Test
    @Order(4)
    void secondDeployIsRefusedWhileTheLockIsHeld() {
        lab.exec("sh", "-c", "mkdir /opt/openhaven/.deploy-lock && echo 'holder=ann@laptop release=x' "
                + "> /opt/openhaven/.deploy-lock/holder");
        try (SshConnection admin = SshConnection.open(lab.target("haven"), havenKey.privateKeyPem(), pinned, CONNECT)) {
            Deployer deployer = new Deployer(new SshExecutor(admin), ServerLayout.DEFAULT);
            assertThatThrownBy(() -> deployer.deploy(bundle("three", true), "test@lab", OutputConsumer.IGNORE))
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.LOCKED);
                        assertThat(e.userMessage()).contains("ann@laptop");
                    });
        } finally {
            lab.exec("rm", "-rf", "/opt/openhaven/.deploy-lock");
        }
        assertThat(lab.exec("readlink", "/opt/openhaven/current").strip()).isEqualTo("/opt/openhaven/releases/one");
    }

    @Test
    @Order(5)
    void statusReportsServicesResourcesReleaseAndBackup() {
        lab.exec("sh", "-c", "mkdir -p /opt/openhaven/backup && printf '%s' "
                + "'{\"finishedAt\":\"2026-11-24T03:00:00Z\",\"ok\":true}' > /opt/openhaven/backup/status.json");
        StatusReport report;
        try (SshConnection admin = SshConnection.open(lab.target("haven"), havenKey.privateKeyPem(), pinned, CONNECT)) {
            CountingExecutor counting = new CountingExecutor(new SshExecutor(admin));
            report = new StatusGatherer(counting, ServerLayout.DEFAULT).gather("lab.example");
            assertThat(counting.roundTrips()).isEqualTo(1);
        }
        assertThat(report.liveRelease()).isEqualTo("one");
        assertThat(report.services()).extracting(StatusReport.ServiceStatus::service).containsExactly("web");
        assertThat(report.services().get(0).health()).isEqualTo("healthy");
        assertThat(report.diskTotalBytes()).isPositive();
        assertThat(report.memoryTotalBytes()).isPositive();
        assertThat(report.lastBackupJson()).hasValue("{\"finishedAt\":\"2026-11-24T03:00:00Z\",\"ok\":true}");
        assertThat(report.certificateExpiry()).isEmpty(); // no TLS listener on the lab host
    }

    @Test
    @Order(6)
    void bootstrapRunAgainAfterADeployKeepsTheServicesPorts(@TempDir Path bundleDir) throws Exception {
        // What a resumed apply does: the bootstrap runs again with the bundle it just rendered, whose manifest
        // lists the live release's ports (2222 beyond the web's). Before, it reloaded a base ruleset here and closed
        // 2222 until the next deploy.
        Files.writeString(bundleDir.resolve("manifest.json"), """
                {"formatVersion":1,"haven":"lab","bundleHash":"one",
                 "ports":[{"port":80,"protocol":"tcp","service":"web","purpose":"HTTP"},
                          {"port":443,"protocol":"tcp","service":"web","purpose":"HTTPS"},
                          {"port":2222,"protocol":"tcp","service":"web","purpose":"git over SSH"}]}
                """);
        HostKeyPins pins = HostKeyPins.inMemory();
        pins.record(lab.address(), lab.target("haven").port(), pinned);
        SshTarget ssh = lab.target("haven");

        new SshHostDeployer(pins, "test@lab", false).bootstrap(new HostTarget(ssh.host(), ssh.port(), ssh.user(),
                havenKey.privateKeyPem()), bundleDir, line -> { });

        assertThat(lab.exec("nft", "list", "table", "inet", "openhaven").lines().map(String::strip)
                .filter(l -> l.contains("dport") && l.endsWith("accept")).toList())
                .containsExactly("tcp dport { 22, 80, 443, 2222 } accept");
        assertThat(lab.exec("nft", "list", "ruleset")).contains("tcp dport { 22, 80, 443, 2222 } accept");
        assertThat(served()).isEqualTo("release one");
    }

    @Test
    @Order(7)
    void aDeployChangingOnlyAMountedFileRecreatesThatServiceAndRestartsSurvivePruning() {
        try (SshConnection admin = SshConnection.open(lab.target("haven"), havenKey.privateKeyPem(), pinned, CONNECT)) {
            Deployer deployer = new Deployer(new SshExecutor(admin), ServerLayout.DEFAULT);
            deployer.deploy(mountingBundle("page-a", "page A"), "test@lab", OutputConsumer.IGNORE);
            assertThat(served("web")).isEqualTo("page A");
            String staticContainer = containerId("static");
            // Newer releases than page-a, so the next deploy's pruning (keep 5) deletes page-a, whose files the
            // unchanged "static" container was started with.
            lab.exec("sh", "-c", "for i in 1 2 3 4 5; do mkdir -p /opt/openhaven/releases/filler-$i; done");

            deployer.deploy(mountingBundle("page-b", "page B"), "test@lab", OutputConsumer.IGNORE);

            assertThat(served("web")).isEqualTo("page B");
            assertThat(containerId("static")).as("static's files did not change: not recreated")
                    .isEqualTo(staticContainer);
            assertThat(lab.exec("ls", "/opt/openhaven/releases").lines().toList()).doesNotContain("page-a")
                    .contains("page-b");
        }
        // Bind sources are recorded through /opt/openhaven/current, so a restart (a reboot, the daemon's restart
        // policy) mounts the live release even when the release a container was created from is gone.
        lab.exec("sh", "-c", "docker ps -q --filter label=com.docker.compose.project=" + ServerLayout.PROJECT
                + " | xargs docker restart");
        assertThat(lab.exec("docker", "inspect", "--format", "{{range .Mounts}}{{.Source}}{{end}}",
                containerId("static")).strip()).isEqualTo("/opt/openhaven/current/static");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(served("web")).isEqualTo("page B");
            assertThat(served("static")).isEqualTo("static page");
        });
    }

    private String served() {
        return served("web");
    }

    private String served(String service) {
        return lab.exec("docker", "exec", containerId(service), "wget", "-q", "-O", "-", "http://127.0.0.1/").strip();
    }

    private String containerId(String service) {
        return lab.exec("docker", "ps", "-q", "--filter", "label=com.docker.compose.service=" + service).strip();
    }

    /**
     * Two stand-ins: "web" serves www/ (its page differs per release), "static" serves static/ (never changes).
     * The compose file is labelled by the renderer's {@link ConfigHashLabels}, as a rendered bundle is.
     */
    private static ReleaseBundle mountingBundle(String name, String page) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(".env", "STANDIN_PASSWORD=not-a-real-secret\n".getBytes(StandardCharsets.UTF_8));
        files.put("www/index.html", (page + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("static/index.html", "static page\n".getBytes(StandardCharsets.UTF_8));
        String compose = "services:\n" + StandInServices.service("web", "", 80)
                + StandInServices.service("static", "static", "", 80);
        files.put("compose.yaml", ConfigHashLabels.apply(compose, files).getBytes(StandardCharsets.UTF_8));
        return new ReleaseBundle(name, files,
                List.of(new ReleaseBundle.ServiceCheck("web", Duration.ofSeconds(60)),
                        new ReleaseBundle.ServiceCheck("static", Duration.ofSeconds(60))),
                List.of(), FirewallRuleset.render(List.of(FirewallRule.tcp(80, "HTTP"))));
    }

    /** A stand-in "web" service: busybox httpd serving the release's own page; the broken one listens elsewhere. */
    private static ReleaseBundle bundle(String name, boolean healthy) {
        String compose = "services:\n" + StandInServices.service("web", "", healthy ? 80 : 8081);
        return new ReleaseBundle(name,
                Map.of("compose.yaml", compose.getBytes(StandardCharsets.UTF_8),
                        ".env", "STANDIN_PASSWORD=not-a-real-secret\n".getBytes(StandardCharsets.UTF_8),
                        "www/index.html", ("release " + name + "\n").getBytes(StandardCharsets.UTF_8)),
                List.of(new ReleaseBundle.ServiceCheck("web", Duration.ofSeconds(healthy ? 60 : 8))),
                List.of(RemoteCommand.of("mark the post-deploy step", "touch", "/opt/openhaven/post-deploy-ran")),
                // The stand-in stack declares one port beyond the bootstrap's, as gitea does for git over SSH.
                FirewallRuleset.render(List.of(FirewallRule.tcp(80, "HTTP"), FirewallRule.tcp(443, "HTTPS"),
                        FirewallRule.tcp(2222, "git over SSH"))));
    }
}
