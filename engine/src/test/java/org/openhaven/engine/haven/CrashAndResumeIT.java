package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.testsupport.ChildJvms;
import org.openhaven.engine.testsupport.CrashHarnessMain;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.KillPoints;

/**
 * Kills the engine with SIGKILL at every step boundary and inside steps (right before and right after each side
 * effect at the provider), runs apply again, and checks it converged with every resource created exactly once.
 */
class CrashAndResumeIT {

    private static final String HAVEN = "crashy";
    private static final List<String> STEPS = List.of("ensure-ssh-key", "ensure-firewall", "ensure-server",
            "ensure-ip", "wait-running", "ensure-dns", "confirm-dns", "wait-ssh", "bootstrap-host", "render-bundle",
            "deploy", "verify", "prune");
    private static final List<String> INSIDE = List.of(
            "provider:before-ssh_key", "provider:after-ssh_key", "provider:before-firewall", "provider:after-firewall",
            "provider:before-server", "provider:after-server", "provider:before-ip", "provider:after-ip",
            "provider:before-wait-running",
            "provider:before-dns-A-" + HAVEN + ".example.org", "provider:after-dns-A-" + HAVEN + ".example.org",
            "provider:before-dns-A-*." + HAVEN + ".example.org", "provider:after-dns-A-*." + HAVEN + ".example.org",
            "host:before-deploy", "host:after-deploy",
            "step:started:ensure-server");
    private static final ChildJvms CHILDREN = new ChildJvms();

    @TempDir
    Path temp;

    @AfterAll
    static void killLeftovers() {
        CHILDREN.killAll();
    }

    @Test
    void applyConvergesAfterSigkillAtEveryStepBoundaryAndInsideSteps() throws Exception {
        List<String> points = new ArrayList<>(STEPS.stream().map(s -> "step:done:" + s).toList());
        points.addAll(INSIDE);
        // two kill points at a time: the children mostly wait on fsync, so this halves the wall time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int index = i;
            runs.add(pool.submit(() -> {
                killAndResume(Files.createDirectory(temp.resolve("kill-" + index)), points.get(index));
                return null;
            }));
        }
        int tried = 0;
        try {
            for (Future<?> run : runs) {
                run.get();
                tried++;
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        System.out.println("CrashAndResumeIT: " + tried + " kill points tried, every one converged");
        assertThat(tried).isEqualTo(points.size());
    }

    private static void killAndResume(Path dir, String point) throws Exception {
        Process victim = child(dir, point);
        KillPoints.awaitParked(victim, dir.resolve("marker"), point);
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
        assertThat(victim.exitValue()).as("killed at %s", point).isEqualTo(137);

        // as a user would: the dead run left its lock, which only 'openhaven unlock' removes
        Path lock = new HavenStore(dir.resolve("home")).haven(HAVEN).lockFile();
        assertThat(HavenLock.forceRelease(lock)).as("lock left by the run killed at %s", point)
                .hasValueSatisfying(holder -> assertThat(holder.pid()).isEqualTo(victim.pid()));

        Process resumed = child(dir, null);
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).as("resume after %s finished", point).isTrue();
        assertThat(resumed.exitValue()).as("resume after kill at %s succeeded:%n%s", point,
                Files.readString(dir.resolve("child.log"))).isZero();
        assertConverged(dir, point);
    }

    private static void assertConverged(Path dir, String point) {
        FileBackedTestProvider.Data held = new FileBackedTestProvider(dir.resolve("provider.json")).snapshot();
        assertThat(held.resources).as("resources after kill at %s", point)
                .extracting(r -> r.get("kind") + ":" + r.get("name"))
                .containsExactlyInAnyOrder("SSH_KEY:crashy-key", "FIREWALL:crashy-firewall", "SERVER:crashy-server",
                        "IP:crashy-ip");
        assertThat(held.dnsRecords).as("DNS after kill at %s", point)
                .extracting(r -> r.get("type") + " " + r.get("name") + " " + r.get("content"))
                .hasSize(2)
                .allMatch(r -> r.endsWith(held.resources.stream().filter(x -> x.get("kind").equals("IP"))
                        .findFirst().orElseThrow().get("ipv4")));
        assertThat(held.creations).as("nothing created twice after kill at %s", point)
                .hasSize(6)
                .allSatisfy((what, count) -> assertThat(count).as(what).isEqualTo(1));
        List<String> actions = new FileBackedTestHost(dir.resolve("host.log")).actions();
        assertThat(actions).as("deployed after kill at %s", point).anyMatch(a -> a.startsWith("deploy "));
    }

    private static Process child(Path dir, String killAt) throws IOException {
        Process process = CHILDREN.start(dir, killAt, CrashHarnessMain.class,
                List.of(dir.resolve("home").toString(), dir.resolve("provider.json").toString(),
                        dir.resolve("host.log").toString(), HAVEN));
        return process;
    }


}
