package org.openhaven.engine.providers.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.ChildJvms;

/**
 * The real cloud and DNS providers in a child JVM, SIGKILLed right after every create the fake applied but before
 * its answer arrived, and at step boundaries; apply runs again and must converge with zero orphans and every
 * resource created exactly once. Hetzner and DigitalOcean run with Cloudflare, AWS EC2 with Route53, and Hetzner once
 * more with Route53. For AWS and Route53 the test then destroys the haven and expects nothing of it left, and
 * everything the user had in the zone untouched.
 */
class ProviderCrashAndResumeIT {

    private static final String HAVEN = "crashy";
    private static final String DNS_CREATE = "POST /client/v4/zones/" + StatefulProviderFake.ZONE_ID + "/dns_records";
    private static final List<String> HETZNER_CREATES = List.of("POST /v1/ssh_keys", "POST /v1/firewalls",
            "POST /v1/servers", "PUT /v1/primary_ips/{id}", DNS_CREATE);
    private static final List<String> DIGITALOCEAN_CREATES = List.of("POST /v2/account/keys", "POST /v2/firewalls",
            "POST /v2/droplets", "POST /v2/reserved_ips", DNS_CREATE);
    /**
     * The EC2 and Route53 call that creates each step's resource, its answer lost: a kill there is harsher than at the
     * step boundary before it. AuthorizeSecurityGroupIngress and the second DNS change are left out on purpose: the
     * CreateSecurityGroup and first-record kills already leave a group without rules and a half-done DNS step.
     */
    private static final List<String> AWS_CHANGES = List.of("ec2:ImportKeyPair", "ec2:CreateSecurityGroup",
            "ec2:RunInstances", "ec2:AllocateAddress", "ec2:AssociateAddress", "route53:ChangeResourceRecordSets#1");
    /** Step boundaries not already covered by a kill inside the step's own create. */
    private static final List<String> STEPS = List.of("ensure-server", "wait-running", "ensure-dns");
    private static final ChildJvms CHILDREN = new ChildJvms();

    @TempDir
    Path temp;

    @AfterAll
    static void killLeftovers() {
        CHILDREN.killAll();
    }

    @Test
    void hetznerApplyConvergesAfterSigkillBetweenProviderCallsWithoutDuplicates() throws Exception {
        List<String> points = new ArrayList<>(HETZNER_CREATES);
        STEPS.forEach(step -> points.add("step:done:" + step));
        killAndResumeAt(points, dir -> {
            StatefulProviderFake fake = new StatefulProviderFake();
            return new Run(dir, fake, "hetzner", fake.hetznerEndpoint(), "cloudflare", fake.cloudflareEndpoint(),
                    fake::killAfter, point -> {
                        assertHetznerCloudConverged(fake, point);
                        assertCloudflareDns(fake, point, fake.all("primary_ips").get(0).path("ip").asText());
                        assertThat(fake.creations()).as("no DNS record created twice after kill at %s", point)
                                .containsEntry("dns_record", 2);
                    }, null);
        });
    }

    @Test
    void digitalOceanApplyConvergesAfterSigkillBetweenProviderCallsWithoutDuplicates() throws Exception {
        killAndResumeAt(DIGITALOCEAN_CREATES, dir -> {
            StatefulProviderFake fake = new StatefulProviderFake();
            return new Run(dir, fake, "digitalocean", fake.digitalOceanEndpoint(), "cloudflare",
                    fake.cloudflareEndpoint(), fake::killAfter, point -> assertDigitalOceanConverged(fake, point),
                    null);
        });
    }

    @Test
    void awsApplyWithRoute53ConvergesAfterSigkillAtEveryChangeAndDestroyLeavesNothing() throws Exception {
        List<String> points = new ArrayList<>(AWS_CHANGES);
        points.add("step:done:wait-running");
        killAndResumeAt(points, dir -> {
            StatefulEc2Fake ec2 = new StatefulEc2Fake();
            StatefulRoute53Fake route53 = new StatefulRoute53Fake();
            return new Run(dir, both(ec2, route53), "aws", ec2.endpoint(), "route53", route53.route53Endpoint(),
                    armed(ec2, route53), point -> {
                        assertEc2Converged(ec2, point);
                        if (point.equals("ec2:RunInstances")) {
                            // The lost instance was invisible to the lookup: only its ClientToken kept it single.
                            assertThat(ec2.clientTokens()).as("RunInstances retried with the same token").hasSize(2);
                        }
                        assertRoute53Converged(route53, point, ec2.all("elastic-ip").get(0).field("ip"));
                    }, () -> {
                        assertThat(ec2.liveInstances()).as("instances after destroy").isEmpty();
                        for (String kind : List.of("key-pair", "security-group", "elastic-ip")) {
                            assertThat(ec2.all(kind)).as("%s after destroy", kind).isEmpty();
                        }
                        assertRoute53OnlyTheUsersOwn(route53);
                    });
        });
    }

    /**
     * EC2 keeps a ClientToken for a while after its instance is terminated; a haven destroyed and applied again (new
     * security group, so other RunInstances parameters) must still get exactly one new instance, not an
     * IdempotentParameterMismatch or the terminated one back.
     */
    @Test
    void awsHavenAppliedAgainAfterDestroyGetsExactlyOneNewInstance() throws Exception {
        try (StatefulEc2Fake ec2 = new StatefulEc2Fake(); StatefulRoute53Fake route53 = new StatefulRoute53Fake()) {
            Path dir = Files.createDirectory(temp.resolve("recreate"));
            ProviderCrashHarnessMain harness = new ProviderCrashHarnessMain(arguments(new Run(dir, null, "aws",
                    ec2.endpoint(), "route53", route53.route53Endpoint(), null, null, null)));
            assertThat(harness.apply().succeeded()).as("first apply").isTrue();
            harness.destroy();
            int applyFrom = route53.actions().size();

            assertThat(harness.apply().succeeded()).as("apply after destroy").isTrue();

            assertThat(ec2.liveInstances()).as("live instances").hasSize(1);
            assertThat(ec2.creations()).containsEntry("instance", 2).containsEntry("security-group", 2);
            assertRoute53Converged(route53, "re-apply", ec2.all("elastic-ip").get(0).field("ip"), applyFrom);
            harness.destroy();
            assertRoute53OnlyTheUsersOwn(route53);
        }
    }

    @Test
    void hetznerWithRoute53ConvergesAfterSigkillAndDestroyRemovesOnlyOurRecords() throws Exception {
        killAndResumeAt(List.of("POST /v1/servers", "route53:ChangeResourceRecordSets#1"), dir -> {
            StatefulProviderFake hetzner = new StatefulProviderFake();
            StatefulRoute53Fake route53 = new StatefulRoute53Fake();
            return new Run(dir, both(hetzner, route53), "hetzner", hetzner.hetznerEndpoint(), "route53",
                    route53.route53Endpoint(), (point, kill) -> {
                        if (point.startsWith("route53:")) {
                            route53.killAfter("ChangeResourceRecordSets", 1, kill);
                        } else {
                            hetzner.killAfter(point, kill);
                        }
                    }, point -> {
                        assertHetznerCloudConverged(hetzner, point);
                        assertRoute53Converged(route53, point, hetzner.all("primary_ips").get(0).path("ip").asText());
                    }, () -> {
                        for (String kind : List.of("servers", "ssh_keys", "firewalls", "primary_ips")) {
                            assertThat(hetzner.all(kind)).as("%s after destroy", kind).isEmpty();
                        }
                        assertRoute53OnlyTheUsersOwn(route53);
                    });
        });
    }

    /** One kill-and-resume run: its fakes, providers, how to arm a kill point and what must hold afterwards. */
    private record Run(Path dir, AutoCloseable fakes, String cloud, String cloudEndpoint, String dns,
                       String dnsEndpoint, BiConsumer<String, Runnable> arm, Consumer<String> converged,
                       Runnable destroyed) {
    }

    private interface RunFactory {
        Run start(Path dir) throws IOException;
    }

    private void killAndResumeAt(List<String> points, RunFactory runs) throws Exception {
        int tried = 0;
        for (String point : points) {
            Path dir = Files.createDirectory(temp.resolve("kill-" + tried));
            Run run = runs.start(dir);
            try (AutoCloseable fakes = run.fakes()) {
                Process victim;
                if (point.startsWith("step:")) {
                    victim = child(run, point);
                    ChildJvms.awaitKillPoint(victim, dir, point);
                    victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                } else {
                    List<Process> holder = new ArrayList<>();
                    run.arm().accept(point, () -> {
                        try {
                            holder.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    victim = child(run, null);
                    holder.add(victim);
                    assertThat(victim.waitFor(120, TimeUnit.SECONDS)).as("killed at %s", point).isTrue();
                }
                assertThat(victim.exitValue()).as("killed at %s:%n%s", point, ChildJvms.log(dir)).isEqualTo(137);
                HavenLock.forceRelease(new HavenStore(dir.resolve("home")).haven(HAVEN).lockFile());

                Process resumed = child(run, null);
                assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).as("resume after %s finished", point).isTrue();
                assertThat(resumed.exitValue()).as("resume after kill at %s:%n%s", point, ChildJvms.log(dir)).isZero();
                run.converged().accept(point);
                if (run.destroyed() != null) {
                    harness(run).destroy();
                    run.destroyed().run();
                }
            }
            tried++;
        }
        assertThat(tried).isEqualTo(points.size());
    }

    private static BiConsumer<String, Runnable> armed(StatefulEc2Fake ec2, StatefulRoute53Fake route53) {
        return (point, kill) -> {
            String[] operation = point.substring(point.indexOf(':') + 1).split("#");
            int occurrence = operation.length > 1 ? Integer.parseInt(operation[1]) : 1;
            (point.startsWith("ec2:") ? ec2 : route53).killAfter(operation[0], occurrence, kill);
        };
    }

    private static AutoCloseable both(AutoCloseable cloud, AutoCloseable dns) {
        return () -> {
            try (cloud; dns) {
                // closes both, dns first
            }
        };
    }

    private static void assertEc2Converged(StatefulEc2Fake ec2, String point) {
        assertThat(ec2.liveInstances()).as("instances after kill at %s", point).hasSize(1);
        assertThat(ec2.creations()).as("nothing created twice after kill at %s", point).isEqualTo(Map.of(
                "instance", 1, "key-pair", 1, "security-group", 1, "elastic-ip", 1));
        for (String kind : List.of("instance", "key-pair", "security-group", "elastic-ip")) {
            assertThat(ec2.all(kind)).as("%s labelled after kill at %s", kind, point)
                    .allSatisfy(r -> assertThat(r.tags).containsEntry("openhaven", HAVEN));
        }
        StatefulEc2Fake.Resource instance = ec2.liveInstances().get(0);
        StatefulEc2Fake.Resource address = ec2.all("elastic-ip").get(0);
        assertThat(address.field("instance")).as("Elastic IP associated").isEqualTo(instance.id);
        assertThat(instance.field("ip")).isEqualTo(address.field("ip"));
        assertThat(instance.field("group")).isEqualTo(ec2.all("security-group").get(0).id);
        assertThat(ec2.all("security-group").get(0).permissions).as("firewall openings after kill at %s", point)
                .extracting(p -> p[0] + "/" + p[1] + " " + p[4])
                .contains("tcp/22 0.0.0.0/0", "tcp/80 0.0.0.0/0", "tcp/443 ::/0", "udp/51820 0.0.0.0/0")
                .doesNotHaveDuplicates();
        // Every RunInstances, the first and any retry, carries one ClientToken derived from the haven.
        assertThat(ec2.clientTokens()).as("ClientTokens after kill at %s", point).isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith("openhaven-")).containsOnly(ec2.clientTokens().get(0));
    }

    private static void assertRoute53Converged(StatefulRoute53Fake route53, String point, String address) {
        assertRoute53Converged(route53, point, address, 0);
    }

    /** {@code applyFrom}: the index in the fake's change log where the apply being checked began. */
    private static void assertRoute53Converged(StatefulRoute53Fake route53, String point, String address,
                                               int applyFrom) {
        List<StatefulRoute53Fake.RecordSet> ours = route53.recordSets().stream()
                .filter(s -> !s.equals(route53.usersOwn().get(s.key()))).toList();
        assertThat(ours).as("record sets OpenHaven added after kill at %s", point)
                .extracting(s -> s.type() + " " + s.name())
                .containsExactlyInAnyOrder("A crashy.example.org.", "A \\052.crashy.example.org.",
                        "TXT _openhaven-crashy.example.org.");
        assertThat(ours).filteredOn(s -> s.type().equals("A")).allSatisfy(s ->
                assertThat(s.values()).as("%s holds our address exactly once", s.name()).containsExactly(address));
        assertThat(ours).filteredOn(s -> s.type().equals("TXT")).singleElement()
                .satisfies(marker -> assertThat(marker.values()).hasSize(2));
        assertThat(route53.recordSets()).as("the user's records are untouched")
                .containsAll(route53.usersOwn().values());
        List<String> actions = route53.actions();
        assertThat(actions.subList(applyFrom, actions.size())).as("apply only ever upserts").containsOnly("UPSERT");
    }

    private static void assertRoute53OnlyTheUsersOwn(StatefulRoute53Fake route53) {
        assertThat(route53.recordSets()).as("the zone after destroy")
                .containsExactlyElementsOf(route53.usersOwn().values());
        assertThat(route53.actions()).as("changes never CREATE").containsOnly("UPSERT", "DELETE");
    }

    private static void assertDigitalOceanConverged(StatefulProviderFake fake, String point) {
        assertThat(fake.all("droplets")).as("droplets after kill at %s", point).hasSize(1);
        assertThat(fake.all("do_keys")).as("keys after kill at %s", point).hasSize(1);
        assertThat(fake.all("do_firewalls")).as("firewalls after kill at %s", point).hasSize(1);
        List<ObjectNode> ips = fake.all("reserved_ips");
        assertThat(ips).as("reserved IPs after kill at %s", point).hasSize(1);
        assertCloudflareDns(fake, point, ips.get(0).path("ip").asText());
        assertThat(fake.creations()).as("nothing created twice after kill at %s", point)
                .isEqualTo(Map.of("dns_record", 2, "firewall", 1, "droplet", 1, "ssh_key", 1, "reserved_ip", 1));
    }

    private static void assertCloudflareDns(StatefulProviderFake fake, String point, String address) {
        assertThat(fake.all("dns_records")).as("DNS after kill at %s", point).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.path("content").asText()).isEqualTo(address);
                    assertThat(r.path("proxied").asBoolean()).isFalse();
                    assertThat(r.path("comment").asText()).isEqualTo("openhaven=" + HAVEN);
                });
    }

    private static void assertHetznerCloudConverged(StatefulProviderFake fake, String point) {
        assertThat(fake.all("servers")).as("servers after kill at %s", point).hasSize(1);
        assertThat(fake.all("ssh_keys")).as("keys after kill at %s", point).hasSize(1);
        assertThat(fake.all("firewalls")).as("firewalls after kill at %s", point).hasSize(1);
        assertThat(fake.all("primary_ips")).as("IPs after kill at %s", point).singleElement()
                .satisfies(ip -> assertThat(ip.path("labels").path("openhaven").asText()).isEqualTo(HAVEN));
        Map<String, Integer> cloudCreations = new java.util.TreeMap<>(fake.creations());
        cloudCreations.remove("dns_record");
        assertThat(cloudCreations).as("nothing created twice after kill at %s", point)
                .isEqualTo(Map.of("firewall", 1, "server", 1, "ssh_key", 1));
    }

    private static ProviderCrashHarnessMain harness(Run run) {
        return new ProviderCrashHarnessMain(arguments(run));
    }

    private static List<String> arguments(Run run) {
        return List.of(run.dir().resolve("home").toString(), run.dir().resolve("host.log").toString(), HAVEN,
                run.cloud(), run.cloudEndpoint(), run.dns(), run.dnsEndpoint());
    }

    private static Process child(Run run, String killAt) throws IOException {
        return CHILDREN.start(run.dir(), killAt, ProviderCrashHarnessMain.class, arguments(run));
    }
}
