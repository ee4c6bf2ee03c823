package org.openhaven.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openhaven.engine.providers.crash.StatefulProviderFake;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.LabHost;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The whole product, end to end: the real {@code openhaven} CLI in a child JVM whose class path is the engine's
 * main classes and dependencies only (so the real Hetzner and Cloudflare providers, the real SSH deployer and the
 * real renderer are found, never a test double), driving a haven through apply, status, a no-op re-apply, a
 * destroy with a wrong token and a real destroy.
 *
 * <ul>
 *   <li>The cloud is the stateful Hetzner Cloud + Cloudflare contract fake (doc-cited shapes, see
 *       {@link StatefulProviderFake}); the server it "creates" reports the lab host's bridge address, and its
 *       creation installs the haven's uploaded public key for root there, which is what Hetzner does at boot.</li>
 *   <li>The server is a {@link LabHost}: a Debian container with sshd and Docker, reached over real SSH.</li>
 *   <li>The services are STAND-INS: the catalog overrides in {@code standin-catalog/} replace the always-on
 *       {@code traefik} and {@code keycloak} with busybox httpd from a locally imported image, since no registry
 *       is reachable here. They are loaded through {@code OPENHAVEN_CATALOG_OVERRIDES}.</li>
 *   <li>The lab host has no internet, so the bootstrap skips its package installs
 *       ({@code OPENHAVEN_BOOTSTRAP_SKIP_PACKAGES}); hardening, firewall and admin user still run.</li>
 * </ul>
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final String GOOD_TOKEN = "e2e-good-token";
    private static final String PASSPHRASE = "correct horse battery staple e2e";
    private static final long RUN_MINUTES = 8;
    private static final String STANDIN_IMAGE = "openhaven-standin/busybox:1.0.0";

    private Path work;
    private LabHost lab;
    private StatefulProviderFake cloud;
    private Path home;

    @BeforeAll
    void startCloudAndLabHost() throws IOException, InterruptedException {
        Requirements.root();
        Requirements.linux();
        work = Files.createTempDirectory("openhaven-e2e");
        lab = LabHost.fresh();
        lab.exec("docker", "tag", LabHost.STANDIN_IMAGE, STANDIN_IMAGE); // the catalog wants an exact version tag
        cloud = new StatefulProviderFake();
        cloud.publicIpv4(lab.address());
        cloud.requireToken(GOOD_TOKEN);
        cloud.onServerCreated(this::installUploadedKeyForRoot);
        home = work.resolve("home");
        Files.writeString(work.resolve("haven.yaml"), """
                name: e2e
                domain: e2e.example.org
                owner: {name: Ada Lovelace, email: ada@example.org}
                server: {provider: hetzner, region: fsn1, size: cx22}
                dns: {provider: cloudflare}
                services: [portal]
                """);
        assertThat(run(GOOD_TOKEN, "secrets", "set", "--spec", "haven.yaml", "hetzner/token").exitCode())
                .isZero();
        assertThat(run(GOOD_TOKEN, "secrets", "set", "--haven", "e2e", "cloudflare/api-token").exitCode())
                .isZero();
    }

    @AfterAll
    void stop() throws IOException {
        if (cloud != null) {
            cloud.close();
        }
        if (lab != null) {
            lab.remove();
        }
        if (work != null) {
            LabServers.deleteTree(work);
        }
    }

    @Test
    @Order(1)
    void applyCreatesOneLabelledServerKeyAndFirewallAndBringsTheStandInServicesUpHealthy() throws Exception {
        CliProcess.Result apply = run("", "apply", "--yes");

        assertThat(apply.exitCode()).as(describe(apply)).isZero();
        assertThat(cloud.creations()).containsEntry("server", 1).containsEntry("ssh_key", 1)
                .containsEntry("firewall", 1);
        for (String kind : List.of("servers", "ssh_keys", "firewalls")) {
            assertThat(cloud.all(kind)).allSatisfy(r -> assertThat(r.path("labels").path("openhaven").asText())
                    .as(kind + " label").isEqualTo("e2e"));
        }
        assertThat(cloud.all("dns_records")).extracting(r -> r.path("content").asText()).contains(lab.address());
        String containers = lab.exec("docker", "ps", "--format", "{{.Names}} {{.Status}}");
        assertThat(containers.lines().filter(l -> l.contains("(healthy)")).map(l -> l.split("[-_ ]")[1]))
                .as(containers).contains("traefik", "keycloak", "portal");
        assertThat(lab.exec("sshd", "-T")).contains("passwordauthentication no");
        // The deploy loaded the ruleset from the rendered manifest: SSH plus Traefik's ports, no WireGuard.
        assertThat(lab.exec("nft", "list", "table", "inet", "openhaven").lines().map(String::strip)
                .filter(l -> l.contains("dport") && l.endsWith("accept")).toList())
                .containsExactly("tcp dport { 22, 80, 443 } accept");
        assertThat(Files.readString(home.resolve("known_hosts"))).as("pinned on first contact")
                .containsPattern(java.util.regex.Pattern.quote(lab.address()) + ":22 SHA256:");
        // The same fingerprint is shown to the user and recorded in the haven's state.
        String fingerprint = Files.readAllLines(home.resolve("known_hosts")).stream()
                .filter(l -> l.startsWith(lab.address() + ":22 ")).findFirst().orElseThrow().split(" ")[1];
        assertThat(apply.out()).contains("Trusted the server's host key " + fingerprint + " (first contact).");
        com.fasterxml.jackson.databind.JsonNode server = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(home.resolve("havens/e2e/state.json").toFile()).path("server");
        assertThat(server.path("host").asText()).isEqualTo(lab.address());
        assertThat(server.path("fingerprint").asText()).isEqualTo(fingerprint);
    }

    @Test
    @Order(2)
    void statusShowsEveryResourcePresentAtTheCloudAndTheServicesHealthyOnTheServer() throws Exception {
        CliProcess.Result status = run("", "status");

        assertThat(status.exitCode()).as(describe(status)).isZero();
        String serverId = cloud.all("servers").get(0).path("id").asText();
        assertThat(status.out().lines().map(String::strip)).anyMatch(l -> l.matches("present\\s+server\\s+e2e-server\\s+id "
                + serverId)).anyMatch(l -> l.matches("present\\s+ssh key\\s+e2e-key\\s+id \\d+"))
                .anyMatch(l -> l.matches("present\\s+firewall\\s+e2e-firewall\\s+id \\d+"))
                .anyMatch(l -> l.startsWith("local") && l.contains("release"))
                .noneMatch(l -> l.startsWith("missing") || l.startsWith("unknown"))
                .contains("release  " + lab.exec("sh", "-c", "basename \"$(readlink /opt/openhaven/current)\"").strip())
                .anyMatch(l -> l.matches("service\\s+traefik\\s+running/healthy"))
                .anyMatch(l -> l.matches("service\\s+keycloak\\s+running/healthy"))
                .anyMatch(l -> l.matches("service\\s+portal\\s+running/healthy"))
                .anyMatch(l -> l.matches("Host key SHA256:\\S{43} for " + java.util.regex.Pattern.quote(lab.address())
                        + ":22 \\(trusted \\d{4}-\\d\\d-\\d\\d\\)"));
        CliProcess.Result json = run("", "status", "--json");
        assertThat(json.exitCode()).as(describe(json)).isZero();
        com.fasterxml.jackson.databind.JsonNode view = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(view.path("server")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .anyMatch(l -> l.matches("service\\s+keycloak\\s+running/healthy"));
        assertThat(view.path("serverProblem").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void secondApplyChangesNothing() throws Exception {
        String releases = lab.exec("ls", "/opt/openhaven/releases");
        Map<String, Integer> before = cloud.creations();

        CliProcess.Result again = run("", "apply", "--yes");

        assertThat(again.exitCode()).as(describe(again)).isZero();
        assertThat(again.out()).as("the key is known now").doesNotContain("first contact");
        assertThat(cloud.creations()).isEqualTo(before);
        assertThat(lab.exec("ls", "/opt/openhaven/releases")).isEqualTo(releases);
    }

    @Test
    @Order(4)
    void destroyWithAWrongTokenFailsWithTheAuthMessageAndKeepsEverything() throws Exception {
        assertThat(run("wrong-token", "secrets", "set", "hetzner/token").exitCode()).isZero();
        String stateBefore = Files.readString(home.resolve("havens/e2e/state.json"));

        CliProcess.Result destroy = run("", "destroy", "--yes");

        assertThat(destroy.exitCode()).as(describe(destroy)).isEqualTo(1);
        String shown = destroy.out() + destroy.err();
        assertThat(shown).as(describe(destroy)).contains("The Hetzner Cloud token is invalid or has expired")
                .contains("HTTP 401").contains("Generate API token")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("wrong-token");
        assertThat(cloud.rejected()).containsKey("hetzner");
        assertThat(cloud.all("servers")).hasSize(1);
        assertThat(Files.readString(home.resolve("havens/e2e/state.json"))).isEqualTo(stateBefore);
    }

    @Test
    @Order(5)
    void destroyRemovesEveryLabelledResourceAtTheCloud() throws Exception {
        assertThat(run(GOOD_TOKEN, "secrets", "set", "hetzner/token").exitCode()).isZero();

        CliProcess.Result destroy = run("", "destroy", "--yes");

        assertThat(destroy.exitCode()).as(describe(destroy)).isZero();
        for (String kind : List.of("servers", "ssh_keys", "firewalls", "dns_records")) {
            assertThat(cloud.all(kind)).as(kind).isEmpty();
        }
        assertThat(Files.readString(home.resolve("known_hosts"))).as("the removed server's pin is forgotten")
                .doesNotContain(lab.address() + ":22");
    }

    /** What Hetzner does when a server boots with ssh_keys: authorize them for root (here: the lab host's root). */
    private void installUploadedKeyForRoot(ObjectNode server) {
        LabServers.authorizeUploadedKeys(cloud, lab);
    }

    /** {@code openhaven args…} in a child JVM with only the product on its class path; stdin is {@code input}. */
    private CliProcess.Result run(String input, String... args) throws IOException, InterruptedException {
        ProductCli cli = new ProductCli(work, Duration.ofMinutes(RUN_MINUTES));
        environment().forEach(cli::env);
        return cli.run(input, args);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENHAVEN_HOME", home.toString());
        env.put("OPENHAVEN_PASSPHRASE", PASSPHRASE);
        env.put("OPENHAVEN_HETZNER_ENDPOINT", cloud.hetznerEndpoint());
        env.put("OPENHAVEN_CLOUDFLARE_ENDPOINT", cloud.cloudflareEndpoint());
        env.put("OPENHAVEN_CATALOG_OVERRIDES", LabServers.standInCatalog().toString());
        env.put("OPENHAVEN_BOOTSTRAP_SKIP_PACKAGES", "true");
        return env;
    }


    private static String describe(CliProcess.Result result) {
        return ProductCli.describe(result);
    }
}
