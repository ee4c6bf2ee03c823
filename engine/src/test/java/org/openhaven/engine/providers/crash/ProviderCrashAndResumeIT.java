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
import org.openhaven.engine.testsupport.KillPoints;

/**
 * The real Hetzner and Cloudflare providers in a child JVM, SIGKILLed at every step boundary and right after every
 * create the fake applied but before its answer arrived; apply runs again and must converge with zero orphans and
 * every resource created exactly once.
 */
class ProviderCrashAndResumeIT {

    private static final String HAVEN = "crashy";
    private static final List<String> CREATES = List.of("POST /v1/ssh_keys", "POST /v1/firewalls", "POST /v1/servers",
            "PUT /v1/primary_ips/{id}", "POST /client/v4/zones/" + StatefulProviderFake.ZONE_ID + "/dns_records");
    /** Step boundaries not already covered by a kill inside the step's own create. */
    private static final List<String> STEPS = List.of("ensure-server", "wait-running", "ensure-dns");
    private static final List<Process> STARTED = new ArrayList<>();

    @TempDir
    Path temp;

    @AfterAll
    static void killLeftovers() {
        STARTED.forEach(Process::destroyForcibly);
    }

    @Test
    void applyConvergesAfterSigkillBetweenProviderCallsWithoutDuplicates() throws Exception {
        List<String> points = new ArrayList<>(CREATES);
        STEPS.forEach(step -> points.add("step:done:" + step));
        int tried = 0;
        for (String point : points) {
            Path dir = Files.createDirectory(temp.resolve("kill-" + tried));
            try (StatefulProviderFake fake = new StatefulProviderFake()) {
                Process victim;
                if (point.startsWith("step:")) {
                    victim = child(dir, fake, point);
                    waitFor(() -> Files.exists(dir.resolve("marker")), victim, point);
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
                    victim = child(dir, fake, null);
                    holder.add(victim);
                    assertThat(victim.waitFor(120, TimeUnit.SECONDS)).as("killed at %s", point).isTrue();
                }
                assertThat(victim.exitValue()).as("killed at %s:%n%s", point, log(dir)).isEqualTo(137);
                HavenLock.forceRelease(new HavenStore(dir.resolve("home")).haven(HAVEN).lockFile());

                Process resumed = child(dir, fake, null);
                assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).as("resume after %s finished", point).isTrue();
                assertThat(resumed.exitValue()).as("resume after kill at %s:%n%s", point, log(dir)).isZero();
                assertConverged(fake, point);
            }
            tried++;
        }
        assertThat(tried).isEqualTo(points.size());
    }

    private static void assertConverged(StatefulProviderFake fake, String point) {
        assertThat(fake.all("servers")).as("servers after kill at %s", point).hasSize(1);
        assertThat(fake.all("ssh_keys")).as("keys after kill at %s", point).hasSize(1);
        assertThat(fake.all("firewalls")).as("firewalls after kill at %s", point).hasSize(1);
        List<ObjectNode> ips = fake.all("primary_ips");
        assertThat(ips).as("IPs after kill at %s", point).singleElement()
                .satisfies(ip -> assertThat(ip.path("labels").path("openhaven").asText()).isEqualTo(HAVEN));
        String address = ips.get(0).path("ip").asText();
        assertThat(fake.all("dns_records")).as("DNS after kill at %s", point).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.path("content").asText()).isEqualTo(address);
                    assertThat(r.path("proxied").asBoolean()).isFalse();
                    assertThat(r.path("comment").asText()).isEqualTo("openhaven=" + HAVEN);
                });
        assertThat(fake.creations()).as("nothing created twice after kill at %s", point)
                .isEqualTo(Map.of("dns_record", 2, "firewall", 1, "server", 1, "ssh_key", 1));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Process victim, String point)
            throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(victim.isAlive()).as("child still running before reaching %s", point).isTrue();
            assertThat(System.nanoTime() < giveUp).as("reached kill point %s in time", point).isTrue();
            Thread.sleep(20);
        }
    }

    private static String log(Path dir) throws IOException {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static Process child(Path dir, StatefulProviderFake fake, String killAt) throws IOException {
        Process process = KillPoints.startChild(dir, killAt, ProviderCrashHarnessMain.class.getName(),
                List.of(dir.resolve("home").toString(), dir.resolve("host.log").toString(), HAVEN,
                        fake.hetznerEndpoint(), fake.cloudflareEndpoint()));
        STARTED.add(process);
        return process;
    }
}
