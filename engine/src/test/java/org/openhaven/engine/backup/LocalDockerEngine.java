package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine of the test's own (Debian's dockerd) on a private socket and data root, without networking, and
 * a stand-in image built from busybox-static. Containers get compose's service label, so the backup script finds
 * them exactly as on a haven. Stopped by its own process handle.
 */
final class LocalDockerEngine implements AutoCloseable {

    static final String IMAGE = "openhaven-standin:local";

    private final Path dir;
    private final Process daemon;

    private LocalDockerEngine(Path dir, Process daemon) {
        this.dir = dir;
        this.daemon = daemon;
    }

    static LocalDockerEngine start(Path busybox) throws Exception {
        Path dir = Files.createTempDirectory("openhaven-docker");
        Process daemon = new ProcessBuilder("dockerd", "--host", "unix://" + dir.resolve("docker.sock"),
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString(), "--bridge=none", "--iptables=false",
                "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        LocalDockerEngine engine = new LocalDockerEngine(dir, daemon);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (engine.docker("version").exitCode != 0) {
            assertThat(daemon.isAlive()).as("dockerd is running (see %s)", dir.resolve("dockerd.log")).isTrue();
            assertThat(System.nanoTime()).as("dockerd answered within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        engine.importStandInImage(busybox);
        return engine;
    }

    String host() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** Starts a long-running stand-in container for a compose service, with extra {@code docker run} options. */
    String runService(String service, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--network", "none",
                "--label", "com.docker.compose.project=" + BackupLayout.PROJECT,
                "--label", "com.docker.compose.service=" + service));
        args.addAll(List.of(options));
        args.addAll(List.of(IMAGE, "sleep", "100000"));
        return docker(args.toArray(String[]::new)).ok().trim();
    }

    /** Runs a shell command in the service's container and returns its output. */
    String exec(String containerId, String script) throws Exception {
        return docker("exec", containerId, "sh", "-c", script).ok();
    }

    Result docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "--host", host()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Result result = new Result(String.join(" ", args), process.exitValue(), Files.readString(out));
        Files.delete(out);
        return result;
    }

    record Result(String command, int exitCode, String output) {
        String ok() {
            assertThat(exitCode).as("docker %s:%n%s", command, output).isZero();
            return output;
        }
    }

    private void importStandInImage(Path busybox) throws Exception {
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("tmp"));
        new ProcessBuilder("chmod", "1777", root.resolve("tmp").toString()).start().waitFor();
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String tool : List.of("sh", "cat", "sleep", "echo", "mkdir", "ls", "rm", "id")) {
            Files.createSymbolicLink(root.resolve("bin").resolve(tool), Path.of("busybox"));
        }
        // www-data as in the Nextcloud image, so the maintenance-mode hook can run as that user.
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + "www-data:x:33:33:www-data:/tmp:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nwww-data:x:33:\n");
        Process tar = new ProcessBuilder("sh", "-c", "tar -C \"$0\" -c . | docker --host \"$1\" import - \"$2\"",
                root.toString(), host(), IMAGE).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor()).as("image import: %s", output).isZero();
    }

    @Override
    public void close() throws Exception {
        Result containers = docker("ps", "-aq");
        if (containers.exitCode == 0 && !containers.output.isBlank()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(List.of(containers.output.trim().split("\\s+")));
            docker(args.toArray(String[]::new));
        }
        daemon.destroy(); // SIGTERM: dockerd stops its containerd and unmounts its layers
        if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + dir + " completely: " + e.getMessage());
        }
    }
}
