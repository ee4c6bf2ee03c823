package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server ({@code /usr/sbin/sshd -D -e -f cfg}) on a free loopback port, with its own host key and an
 * authorized_keys file for the current user, all in a temp directory. Stopped by its own PID in {@link #close()}.
 */
public final class OpenSshServer implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private OpenSshServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts sshd accepting exactly {@code authorizedKeyLine} for the user running the tests. */
    public static OpenSshServer start(String authorizedKeyLine) throws IOException {
        Requirements.root(); // sshd must run as root to switch to the logged-in user
        Path sshd = Requirements.command("/usr/sbin/sshd");
        Path keygen = Requirements.command("ssh-keygen");
        Path dir = Files.createTempDirectory("oh-sshd-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        DockerEngine.run(List.of(keygen.toString(), "-q", "-t", "ed25519", "-N", "", "-f",
                dir.resolve("host_ed25519").toString()), Duration.ofSeconds(30));
        Path keys = Files.writeString(dir.resolve("authorized_keys"), authorizedKeyLine + "\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + keys,
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                // the key file lives under /tmp, which is world-writable; sshd would refuse it in strict mode
                "StrictModes no",
                "") );
        Files.createDirectories(Path.of("/run/sshd"));
        Process process = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        OpenSshServer server = new OpenSshServer(process, dir, port);
        server.awaitListening(Duration.ofSeconds(10));
        return server;
    }

    private void awaitListening(Duration deadline) throws IOException {
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited:\n" + Files.readString(dir.resolve("sshd.log")));
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                DockerEngine.sleep(Duration.ofMillis(50));
            }
        }
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The host key's fingerprint as {@code ssh-keygen -l} prints it. */
    public String hostKeyFingerprint() {
        String out = DockerEngine.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f",
                dir.resolve("host_ed25519.pub").toString()), Duration.ofSeconds(10));
        return out.split("\\s+")[1];
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DockerEngine.run(List.of("rm", "-rf", dir.toString()), Duration.ofSeconds(10));
    }
}
