package org.openhaven.engine.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.digitalocean.DigitalOceanProviderFactory;
import org.openhaven.engine.cloud.hetzner.HetznerProviderFactory;
import org.openhaven.engine.dns.cloudflare.CloudflareProviderFactory;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.ProviderRegistry;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.http.Sleeper;
import org.openhaven.engine.plan.Action;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Plan;
import org.openhaven.engine.plan.PlannedChange;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.RunResult;
import org.openhaven.engine.providers.crash.StatefulProviderFake;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * The whole engine with the real Hetzner / DigitalOcean and Cloudflare providers against the stateful contract fake:
 * adding a service that declares a port (gitea's 2222) shows up in the plan as a firewall update, apply changes the
 * provider's firewall in place (no second firewall), and the plan afterwards is empty.
 */
class CloudFirewallFollowsPlanIT {

    static final String HAVEN = "walls";

    @TempDir
    Path temp;

    @Test
    void addingGiteaOpensPort2222OnTheHetznerFirewallAndThePlanThenSettles() throws Exception {
        try (StatefulProviderFake fake = new StatefulProviderFake()) {
            converge(fake, new ServerSpec("hetzner", "fsn1", "cx22", null, null, null, fake.hetznerEndpoint()),
                    () -> hetznerPorts(fake));
            assertThat(fake.all("firewalls")).hasSize(1);
            assertThat(fake.creations()).containsEntry("firewall", 1);
        }
    }

    @Test
    void addingGiteaOpensPort2222OnTheDigitalOceanFirewallAndThePlanThenSettles() throws Exception {
        try (StatefulProviderFake fake = new StatefulProviderFake()) {
            converge(fake, new ServerSpec("digitalocean", "fra1", "s-2vcpu-4gb", null, null, null,
                    fake.digitalOceanEndpoint()), () -> digitalOceanPorts(fake));
            assertThat(fake.all("do_firewalls")).singleElement()
                    .satisfies(f -> assertThat(f.path("tags").toString()).contains("openhaven:" + HAVEN));
            assertThat(fake.creations()).containsEntry("firewall", 1);
        }
    }

    private void converge(StatefulProviderFake fake, ServerSpec server, java.util.function.Supplier<List<String>> ports) {
        HavenEngine engine = engine(fake);
        Vault vault = engine.openVault(HAVEN, Secret.of("firewall-test-passphrase"));
        vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("hetzner-test-token"));
        vault.put(ProviderEnvironment.DIGITALOCEAN_TOKEN, Secret.of("digitalocean-test-token"));
        vault.put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of("cloudflare-test-token"));
        HavenSpec withoutGitea = spec(fake, server, List.of("vaultwarden"));
        HavenSpec withGitea = spec(fake, server, List.of("vaultwarden", "gitea"));

        assertSucceeded(apply(engine, withoutGitea, vault, null));
        assertThat(ports.get()).contains("tcp/22", "tcp/443").doesNotContain("tcp/2222");

        Plan plan = engine.plan(withGitea);
        assertThat(plan.changes()).filteredOn(c -> c.kind() == ResourceKind.FIREWALL).singleElement()
                .satisfies(change -> {
                    assertThat(change.action()).isEqualTo(Action.UPDATE);
                    assertThat(String.join(" ", change.details())).contains("tcp/2222");
                });

        List<ProgressEvent> events = new ArrayList<>();
        assertSucceeded(apply(engine, withGitea, vault, plan, events::add));
        assertThat(ports.get()).contains("tcp/22", "tcp/443", "tcp/2222");
        assertThat(events).filteredOn(e -> e instanceof ProgressEvent.StepSucceeded s && s.stepId().equals("ensure-firewall"))
                .singleElement().isInstanceOfSatisfying(ProgressEvent.StepSucceeded.class, done -> {
                    assertThat(done.changed()).isTrue();
                    assertThat(done.summary()).endsWith(" updated");
                });

        assertThat(engine.plan(withGitea).changes()).extracting(PlannedChange::action).containsOnly(Action.NOOP);
    }

    @Test
    void applyPutsBackAnOpeningClosedByHandInTheConsole() throws Exception {
        try (StatefulProviderFake fake = new StatefulProviderFake()) {
            HavenEngine engine = engine(fake);
            Vault vault = engine.openVault(HAVEN, Secret.of("firewall-test-passphrase"));
            vault.put(ProviderEnvironment.HETZNER_TOKEN, Secret.of("hetzner-test-token"));
            vault.put(ProviderEnvironment.CLOUDFLARE_TOKEN, Secret.of("cloudflare-test-token"));
            HavenSpec spec = spec(fake, new ServerSpec("hetzner", "fsn1", "cx22", null, null, null,
                    fake.hetznerEndpoint()), List.of("vaultwarden", "gitea"));
            assertSucceeded(apply(engine, spec, vault, null));
            ArrayNode rules = (ArrayNode) fake.all("firewalls").get(0).path("rules");
            rules.remove(rules.size() - 1); // someone deletes the 2222 rule in the Hetzner Console
            assertThat(hetznerPorts(fake)).doesNotContain("tcp/2222");

            assertSucceeded(apply(engine, spec, vault, null));

            assertThat(hetznerPorts(fake)).contains("tcp/2222");
            assertThat(fake.creations()).containsEntry("firewall", 1);
        }
    }

    private static RunResult apply(HavenEngine engine, HavenSpec spec, Vault vault, Plan plan) {
        return apply(engine, spec, vault, plan, event -> {
        });
    }

    private static RunResult apply(HavenEngine engine, HavenSpec spec, Vault vault, Plan plan,
                                   org.openhaven.engine.plan.ProgressListener listener) {
        return engine.apply(spec, vault, plan, listener, CancellationToken.none(), "firewall test");
    }

    private static void assertSucceeded(RunResult result) {
        assertThat(result.succeeded()).as("apply failed: %s", result.failures()).isTrue();
    }

    private HavenEngine engine(StatefulProviderFake fake) {
        ProviderEnvironment environment = new ProviderEnvironment(Map.of(),
                new Polling(Clock.systemUTC(), Sleeper.REAL, Duration.ofMillis(20), Duration.ofMillis(200)));
        ProviderRegistry registry = new ProviderRegistry(List.of(new HetznerProviderFactory(environment),
                new DigitalOceanProviderFactory(environment)), List.of(new CloudflareProviderFactory(environment)));
        return TestHavens.engine(temp.resolve("home"), registry, new FileBackedTestHost(temp.resolve("host.log")));
    }

    private static HavenSpec spec(StatefulProviderFake fake, ServerSpec server, List<String> services) {
        HavenSpec base = TestHavens.cloudSpec(HAVEN);
        return new HavenSpec(base.name(), base.domain(), base.owner(), server,
                new DnsSpec("cloudflare", fake.cloudflareEndpoint()), base.tls(),
                services.stream().map(ServiceSelection::of).toList(), base.backup(), base.vpn(), base.mail());
    }

    /** "tcp/22" for each inbound rule of the haven's Hetzner firewall. */
    private static List<String> hetznerPorts(StatefulProviderFake fake) {
        ObjectNode firewall = fake.all("firewalls").get(0);
        return StreamSupport.stream(firewall.path("rules").spliterator(), false)
                .filter(r -> "in".equals(r.path("direction").asText()))
                .map(r -> r.path("protocol").asText() + "/" + r.path("port").asText()).toList();
    }

    /** "tcp/22" for each inbound rule of the haven's DigitalOcean firewall. */
    private static List<String> digitalOceanPorts(StatefulProviderFake fake) {
        JsonNode firewall = fake.all("do_firewalls").get(0);
        return StreamSupport.stream(firewall.path("inbound_rules").spliterator(), false)
                .map(r -> r.path("protocol").asText() + "/" + r.path("ports").asText()).toList();
    }
}
