package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.host.FirewallRuleset;
import org.openhaven.engine.render.StackBundleRenderer;
import org.openhaven.engine.render.TestSpecs;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;

class SshHostDeployerTest {

    @Test
    void describeListsReleaseServicesDiskAndMemoryOneLineEach() {
        org.openhaven.engine.status.StatusReport report = new org.openhaven.engine.status.StatusReport(
                java.util.List.of(new org.openhaven.engine.status.StatusReport.ServiceStatus("traefik", "running", "healthy"),
                        new org.openhaven.engine.status.StatusReport.ServiceStatus("keycloak", "restarting", "starting")),
                40L << 30, 10L << 30, 4L << 30, 3L << 30, "c45e5a20078a", java.util.Optional.empty(),
                java.util.Optional.empty());

        assertThat(SshHostDeployer.describe(report)).containsExactly(
                "release  c45e5a20078a",
                "service  traefik          running/healthy",
                "service  keycloak         restarting/starting",
                "disk     10240 of 40960 MiB free",
                "memory   3072 of 4096 MiB available");
    }

    @Test
    void renderedBundleBecomesAReleaseWaitingForEachComposeServiceWithAHealthCheck(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(dir.resolve(".env"), "A=b\n");
        Files.createDirectories(dir.resolve("traefik"));
        Files.writeString(dir.resolve("traefik/traefik.yml"), "entryPoints: {}\n");
        Files.writeString(dir.resolve("manifest.json"), """
                {"formatVersion":1,"haven":"h","bundleHash":"abc",
                 "healthChecks":[{"service":"nextcloud","container":"nextcloud","test":["CMD","true"]},
                                 {"service":"nextcloud","container":"nextcloud-cron","test":["CMD","true"]},
                                 {"service":"nextcloud","container":"nextcloud-cron","test":["CMD","true"]}],
                 "postDeploy":[{"service":"gitea","description":"create the gitea admin",
                                "argv":["docker","exec","gitea","gitea","admin"],"shellLine":"ignored"}],
                 "someFutureField":true}
                """);
        ReleaseBundle bundle = SshHostDeployer.readBundle(dir, "abc");
        assertThat(bundle.hash()).isEqualTo("abc");
        assertThat(bundle.files()).containsOnlyKeys("compose.yaml", ".env", "traefik/traefik.yml", "manifest.json");
        assertThat(new String(bundle.files().get(".env"), StandardCharsets.UTF_8)).isEqualTo("A=b\n");
        assertThat(bundle.services()).extracting(ReleaseBundle.ServiceCheck::service)
                .containsExactly("nextcloud", "nextcloud-cron");
        assertThat(bundle.services()).allSatisfy(s -> assertThat(s.deadline())
                .isEqualTo(SshHostDeployer.SERVICE_DEADLINE));
        assertThat(bundle.postDeploy()).singleElement().satisfies(c -> {
            assertThat(c.description()).isEqualTo("create the gitea admin");
            assertThat(c.shellLine()).isEqualTo("docker exec gitea gitea admin");
        });
    }

    @Test
    void releaseFirewallOpensSshAndExactlyThePortsTheManifestLists(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(dir.resolve("manifest.json"), """
                {"formatVersion":1,"haven":"h","bundleHash":"abc",
                 "ports":[{"port":80,"protocol":"tcp","service":"traefik","purpose":"HTTP"},
                          {"port":443,"protocol":"tcp","service":"traefik","purpose":"HTTPS"},
                          {"port":2222,"protocol":"tcp","service":"gitea","purpose":"git over SSH"},
                          {"port":51820,"protocol":"udp","service":"wireguard","purpose":"WireGuard"}]}
                """);
        assertThat(SshHostDeployer.readBundle(dir, "abc").firewall())
                .contains("        tcp dport { 22, 80, 443, 2222 } accept\n        udp dport { 51820 } accept\n");
    }

    @Test
    void mailPortsReachTheHostFirewallFromTheRenderedManifestOfAHavenWithMail(@TempDir Path dir) {
        HavenSpec gitea = TestSpecs.only("gitea");
        HavenSpec withMail = new HavenSpec(gitea.name(), gitea.domain(), gitea.owner(), gitea.server(), gitea.dns(),
                gitea.tls(), gitea.services(), gitea.backup(), gitea.vpn(), new MailSpec(true));
        String hash = new StackBundleRenderer(Catalog.builtIn()).render(withMail, TestSpecs.vault(), dir);

        String ruleset = SshHostDeployer.readBundle(dir, hash).firewall();

        assertThat(ruleset).isEqualTo(FirewallRuleset.render(List.of(FirewallRule.tcp(25, ""), FirewallRule.tcp(80, ""),
                FirewallRule.tcp(443, ""), FirewallRule.tcp(465, ""), FirewallRule.tcp(587, ""),
                FirewallRule.tcp(993, ""), FirewallRule.tcp(2222, ""))));
        assertThat(ruleset).contains("        tcp dport { 22, 25, 80, 443, 465, 587, 993, 2222 } accept\n    }\n")
                .doesNotContain("udp dport");
    }

    @Test
    void manifestWithoutAPortsListLeavesTheHostFirewallAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\":1,\"haven\":\"h\"}");
        assertThat(SshHostDeployer.readBundle(dir, "abc").firewall()).isEmpty();
    }
}
