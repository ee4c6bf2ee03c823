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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.ChildJvms;

/**
 * The real Hetzner (or DigitalOcean) and Cloudflare providers in a child JVM, SIGKILLed right after every create the
 * fake applied but before its answer arrived, and at step boundaries; apply runs again and must converge with zero
 * orphans and every resource created exactly once.
 */
class ProviderCrashAndResumeIT {

    private static final String HAVEN = "crashy";
    private static final String DNS_CREATE = "POST /client/v4/zones/" + StatefulProviderFake.ZONE_ID + "/dns_records";
    private static final List<String> HETZNER_CREATES = List.of("POST /v1/ssh_keys", "POST /v1/firewalls",
            "POST /v1/servers", "PUT /v1/primary_ips/{id}", DNS_CREATE);
    private static final List<String> DIGITALOCEAN_CREATES = List.of("POST /v2/account/keys", "POST /v2/firewalls",
            "POST /v2/droplets", "POST /v2/reserved_ips", DNS_CREATE);
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
        killAndResumeAt("hetzner", points);
    }

    @Test
    void digitalOceanApplyConvergesAfterSigkillBetweenProviderCallsWithoutDuplicates() throws Exception {
        killAndResumeAt("digitalocean", DIGITALOCEAN_CREATES);
    }

    private void killAndResumeAt(String provider, List<String> points) throws Exception {
        int tried = 0;
        for (String point : points) {
            Path dir = Files.createDirectory(temp.resolve(provider + "-kill-" + tried));
            try (StatefulProviderFake fake = new StatefulProviderFake()) {
                Process victim;
                if (point.startsWith("step:")) {
                    victim = child(dir, fake, provider, point);
                    ChildJvms.awaitKillPoint(victim, dir, point);
                    victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                } else {
                    List<Process> holder = new ArrayList<>();
                    fake.killAfter(point, () -> {
                        try {
                            holder.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    victim = child(dir, fake, provider, null);
                    holder.add(victim);
                    assertThat(victim.waitFor(120, TimeUnit.SECONDS)).as("killed at %s", point).isTrue();
                }
                assertThat(victim.exitValue()).as("killed at %s:%n%s", point, ChildJvms.log(dir)).isEqualTo(137);
                HavenLock.forceRelease(new HavenStore(dir.resolve("home")).haven(HAVEN).lockFile());

                Process resumed = child(dir, fake, provider, null);
                assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).as("resume after %s finished", point).isTrue();
                assertThat(resumed.exitValue()).as("resume after kill at %s:%n%s", point, ChildJvms.log(dir)).isZero();
                if (provider.equals("hetzner")) {
                    assertHetznerConverged(fake, point);
                } else {
                    assertDigitalOceanConverged(fake, point);
                }
            }
            tried++;
        }
        assertThat(tried).isEqualTo(points.size());
    }

    private static void assertDigitalOceanConverged(StatefulProviderFake fake, String point) {
        assertThat(fake.all("droplets")).as("droplets after kill at %s", point).hasSize(1);
        assertThat(fake.all("do_keys")).as("keys after kill at %s", point).hasSize(1);
        assertThat(fake.all("do_firewalls")).as("firewalls after kill at %s", point).hasSize(1);
        List<ObjectNode> ips = fake.all("reserved_ips");
        assertThat(ips).as("reserved IPs after kill at %s", point).hasSize(1);
        assertDns(fake, point, ips.get(0).path("ip").asText());
        assertThat(fake.creations()).as("nothing created twice after kill at %s", point)
                .isEqualTo(Map.of("dns_record", 2, "firewall", 1, "droplet", 1, "ssh_key", 1, "reserved_ip", 1));
    }

    private static void assertDns(StatefulProviderFake fake, String point, String address) {
        assertThat(fake.all("dns_records")).as("DNS after kill at %s", point).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.path("content").asText()).isEqualTo(address);
                    assertThat(r.path("proxied").asBoolean()).isFalse();
                    assertThat(r.path("comment").asText()).isEqualTo("openhaven=" + HAVEN);
                });
    }

    private static void assertHetznerConverged(StatefulProviderFake fake, String point) {
        assertThat(fake.all("servers")).as("servers after kill at %s", point).hasSize(1);
        assertThat(fake.all("ssh_keys")).as("keys after kill at %s", point).hasSize(1);
        assertThat(fake.all("firewalls")).as("firewalls after kill at %s", point).hasSize(1);
        List<ObjectNode> ips = fake.all("primary_ips");
        assertThat(ips).as("IPs after kill at %s", point).singleElement()
                .satisfies(ip -> assertThat(ip.path("labels").path("openhaven").asText()).isEqualTo(HAVEN));
        assertDns(fake, point, ips.get(0).path("ip").asText());
        assertThat(fake.creations()).as("nothing created twice after kill at %s", point)
                .isEqualTo(Map.of("dns_record", 2, "firewall", 1, "server", 1, "ssh_key", 1));
    }

    private static Process child(Path dir, StatefulProviderFake fake, String provider, String killAt)
            throws IOException {
        String endpoint = provider.equals("hetzner") ? fake.hetznerEndpoint() : fake.digitalOceanEndpoint();
        return CHILDREN.start(dir, killAt, ProviderCrashHarnessMain.class, List.of(dir.resolve("home").toString(),
                dir.resolve("host.log").toString(), HAVEN, provider, endpoint, fake.cloudflareEndpoint()));
    }
}
