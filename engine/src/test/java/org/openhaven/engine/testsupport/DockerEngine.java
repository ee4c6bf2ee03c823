package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Docker engine of the tests' own: Debian's {@code dockerd} started with its own data root, exec root, pid
 * file, unix socket and its own Linux bridge ({@code --iptables=false}), so it cannot collide with any other
 * daemon on the machine. One per JVM, started on first use by {@link #shared()}, stopped by its own PID (and its
 * bridge and directories removed) when the JVM exits.
 *
 * <p>Needs root, Linux, {@code dockerd}, {@code docker} and {@code ip}; otherwise skips loudly (fails in CI).
 */
public final class DockerEngine {

    private static DockerEngine shared;

    private final Path dir;
    private final String socket;
    private final String bridge;
    private final String subnet;
    private final Process daemon;
    private final Path dockerCli;

    private DockerEngine(Path dir, String bridge, String subnet, Process daemon, Path dockerCli) {
        this.dir = dir;
        this.socket = "unix://" + dir.resolve("docker.sock");
        this.bridge = bridge;
        this.subnet = subnet;
        this.daemon = daemon;
        this.dockerCli = dockerCli;
    }

    /** The JVM-wide engine, started on first call. */
    public static synchronized DockerEngine shared() {
        Requirements.root();
        Path dockerd = Requirements.command("dockerd");
        Path docker = Requirements.command("docker");
        Requirements.command("ip");
        if (shared == null) {
            shared = start(dockerd, docker);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "docker-engine-stop"));
        }
        return shared;
    }

    private static DockerEngine start(Path dockerd, Path docker) {
        try {
            Path dir = Files.createTempDirectory("oh-docker-");
            String bridge = "ohlab" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
            String subnet = freeSubnet();
            run(List.of("ip", "link", "add", "name", bridge, "type", "bridge"), Duration.ofSeconds(10));
            run(List.of("ip", "addr", "add", subnet + ".1/24", "dev", bridge), Duration.ofSeconds(10));
            run(List.of("ip", "link", "set", bridge, "up"), Duration.ofSeconds(10));
            Process daemon = new ProcessBuilder(dockerd.toString(),
                    "--host", "unix://" + dir.resolve("docker.sock"),
                    "--data-root", dir.resolve("data").toString(),
                    "--exec-root", dir.resolve("exec").toString(),
                    "--pidfile", dir.resolve("docker.pid").toString(),
                    "--bridge", bridge,
                    "--iptables=false", "--ip6tables=false", "--ip-masq=false")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dockerd.log").toFile())
                    .start();
            DockerEngine engine = new DockerEngine(dir, bridge, subnet, daemon, docker);
            engine.awaitReady(Duration.ofSeconds(60));
            return engine;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test Docker engine", e);
        }
    }

    /** A 10.x.y.0/24 network no interface on this machine uses yet, as "10.x.y". */
    private static String freeSubnet() {
        String used = run(List.of("ip", "-4", "-o", "addr"), Duration.ofSeconds(10));
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = "10.213." + ThreadLocalRandom.current().nextInt(1, 254);
            if (!used.contains(" " + candidate + ".")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free 10.213.x.0/24 subnet for the test bridge");
    }

    private void awaitReady(Duration deadline) {
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("dockerd exited; see " + dir.resolve("dockerd.log") + ":\n" + log());
            }
            if (dockerExit(List.of("info", "--format", "{{.ServerVersion}}")) == 0) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("dockerd did not answer on " + socket + " within " + deadline + ":\n" + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("dockerd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Runs {@code docker -H <ours> args…}, returns stdout; fails on a non-zero exit with the output. */
    public String docker(String... args) {
        List<String> argv = new ArrayList<>(List.of(dockerCli.toString(), "-H", socket));
        argv.addAll(List.of(args));
        return run(argv, Duration.ofMinutes(10));
    }

    /** Runs a shell pipeline in which {@code $DOCKER} is our docker client; for {@code save | load} and imports. */
    public String shell(String script) {
        return run(List.of("sh", "-c", "DOCKER=\"" + dockerCli + " -H " + socket + "\"; " + script),
                Duration.ofMinutes(10));
    }

    public boolean hasImage(String image) {
        return dockerExit(List.of("image", "inspect", image)) == 0;
    }

    public String bridge() {
        return bridge;
    }

    public String subnet() {
        return subnet;
    }

    private int dockerExit(List<String> args) {
        List<String> argv = new ArrayList<>(List.of(dockerCli.toString(), "-H", socket));
        argv.addAll(args);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Stops the daemon by its own PID, then removes its bridge and directories. Idempotent. */
    public synchronized void stop() {
        try {
            if (daemon.isAlive()) {
                String ids = runQuietly(List.of(dockerCli.toString(), "-H", socket, "ps", "-aq"));
                if (!ids.isBlank()) {
                    List<String> rm = new ArrayList<>(List.of(dockerCli.toString(), "-H", socket, "rm", "-f"));
                    rm.addAll(ids.lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
                    runQuietly(rm);
                }
                daemon.destroy();
                if (!daemon.waitFor(15, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
            runQuietly(List.of("ip", "link", "del", bridge));
            runQuietly(List.of("umount", "-R", dir.resolve("data").toString()));
            runQuietly(List.of("umount", "-R", dir.resolve("exec").toString()));
            // Deleting the data root (hundreds of MB of vfs layers) outlasts the test JVM's exit budget, so it runs
            // as a process of its own that finishes after the JVM is gone.
            new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    static String run(List<String> argv, Duration timeout) {
        try {
            Path out = Files.createTempFile("oh-run-", ".out");
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", argv));
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", argv) + "\n"
                            + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", argv), e);
        }
    }

    private static String runQuietly(List<String> argv) {
        try {
            return run(argv, Duration.ofSeconds(60));
        } catch (IllegalStateException e) {
            return "";
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
