package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openhaven.engine.remote.SshTarget;
import org.openhaven.engine.secrets.SecretGenerators;

/**
 * A lab "VM": a Debian bookworm container with its own sshd, nftables, sudo and Docker engine (plus
 * docker-compose v1), running on the tests' own {@link DockerEngine} and reachable over real SSH at its bridge
 * address. Kamal's vm1..3 pattern. The image is built once from {@code labvm-build.sh} (debootstrap) and cached
 * as a tarball under {@code ~/.cache/openhaven-test}, keyed by a hash of the recipe.
 *
 * <p>{@link #shared()} gives one JVM-wide host, started on first use and removed at JVM exit. It comes with a root
 * login for the {@link #rootKey()} and a stand-in image {@link #STANDIN_IMAGE} (busybox-static: {@code sh},
 * {@code httpd}, {@code wget}) loaded into its inner engine. Tests that change the host should use
 * {@link #fresh()} and {@link #remove()} it themselves.
 */
public final class LabHost {

    /** A tiny local image standing in for real service images, which no registry here can provide. */
    public static final String STANDIN_IMAGE = "openhaven-standin/busybox:1";

    private static final String RECIPE = "labvm-build.sh";
    private static LabHost shared;

    private final DockerEngine engine;
    private final String container;
    private final String address;
    private final SecretGenerators.SshKeyPair rootKey;

    private LabHost(DockerEngine engine, String container, String address, SecretGenerators.SshKeyPair rootKey) {
        this.engine = engine;
        this.container = container;
        this.address = address;
        this.rootKey = rootKey;
    }

    /** The JVM-wide lab host, started on first call. */
    public static synchronized LabHost shared() {
        if (shared == null) {
            // No hook of its own: the engine's shutdown removes every container it ran, this one included.
            shared = fresh();
        }
        return shared;
    }

    /** A new lab host of its own; the caller removes it. */
    public static LabHost fresh() {
        DockerEngine engine = DockerEngine.shared();
        Requirements.command("debootstrap");
        String image = ensureImage(engine);
        String name = "ohlab-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        engine.docker("run", "-d", "--name", name, "--hostname", "labvm",
                "--cap-add=ALL", "--cap-drop=SYS_RESOURCE",
                "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
                "--security-opt", "systempaths=unconfined",
                "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw", "--tmpfs", "/var/lib/docker:exec",
                image, "sh", "-c",
                "mkdir -p /run/sshd && ssh-keygen -A >/dev/null"
                        + " && (dockerd --storage-driver=vfs >/var/log/dockerd.log 2>&1 &)"
                        + " && exec /usr/sbin/sshd -D -e");
        String address = engine.docker("inspect", "--format", "{{.NetworkSettings.IPAddress}}", name).strip();
        SecretGenerators.SshKeyPair key = new SecretGenerators().ed25519("openhaven-lab-root");
        LabHost host = new LabHost(engine, name, address, key);
        host.exec("sh", "-c", "install -d -m 0700 /root/.ssh && printf '%s\\n' \"$1\" > /root/.ssh/authorized_keys"
                + " && chmod 0600 /root/.ssh/authorized_keys", "sh", key.publicKeyLine());
        host.awaitInnerDocker(Duration.ofSeconds(90));
        host.loadStandIn();
        return host;
    }

    /** The cached image, imported into the engine; builds the root filesystem when the cache misses. */
    private static synchronized String ensureImage(DockerEngine engine) {
        try (InputStream recipe = LabHost.class.getResourceAsStream(RECIPE)) {
            byte[] script = recipe.readAllBytes();
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script)).substring(0, 16);
            String image = "openhaven-labvm:" + key;
            if (engine.hasImage(image)) {
                return image;
            }
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "openhaven-test");
            Files.createDirectories(cache);
            Path tar = cache.resolve("labvm-" + key + ".tar");
            if (!Files.isRegularFile(tar)) {
                Path scriptFile = Files.createTempFile("labvm-build", ".sh");
                try {
                    Files.write(scriptFile, script);
                    DockerEngine.run(List.of("sh", scriptFile.toString(), tar.toString(), debianMirror()),
                            Duration.ofMinutes(20));
                } finally {
                    Files.deleteIfExists(scriptFile);
                }
            }
            engine.docker("import", tar.toString(), image);
            return image;
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare the lab VM image", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Debian mirror this machine already uses (read at run time; no mirror host is written in the repo). */
    private static String debianMirror() throws IOException {
        Path sources = Path.of("/etc/apt/sources.list.d/debian.sources");
        if (Files.isRegularFile(sources)) {
            for (String line : Files.readAllLines(sources)) {
                if (line.startsWith("URIs:") && !line.contains("security")) {
                    return line.substring(5).strip().split("\\s+")[0];
                }
            }
        }
        Path list = Path.of("/etc/apt/sources.list");
        if (Files.isRegularFile(list)) {
            for (String line : Files.readAllLines(list)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length > 2 && parts[0].equals("deb") && !line.contains("security")) {
                    return parts[1];
                }
            }
        }
        Requirements.unmet("no Debian mirror found in /etc/apt sources for debootstrap");
        return null;
    }

    private void awaitInnerDocker(Duration deadline) {
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            try {
                exec("docker", "info", "--format", "{{.ServerVersion}}");
                return;
            } catch (IllegalStateException notYet) {
                DockerEngine.sleep(Duration.ofMillis(300));
            }
        }
        throw new IllegalStateException("the lab host's Docker engine did not start:\n"
                + exec("sh", "-c", "tail -n 30 /var/log/dockerd.log"));
    }

    /** Builds the busybox-static stand-in image on the outer engine (once) and loads it into this host. */
    private void loadStandIn() {
        if (!engine.hasImage(STANDIN_IMAGE)) {
            Path busybox = Requirements.file(Path.of("/bin/busybox"), "busybox-static");
            engine.shell("set -e; root=$(mktemp -d); mkdir -p \"$root/bin\" \"$root/www\"; cp " + busybox
                    + " \"$root/bin/busybox\"; for t in sh httpd wget cat sleep echo; do ln -s busybox \"$root/bin/$t\";"
                    + " done; tar -C \"$root\" -c . | $DOCKER import --change 'CMD [\"sh\"]' - " + STANDIN_IMAGE
                    + "; rm -rf \"$root\"");
        }
        engine.shell("$DOCKER save " + STANDIN_IMAGE + " | $DOCKER exec -i " + container + " docker load");
    }

    /** Runs a command inside the lab host (not over SSH: for test setup and assertions). */
    public String exec(String... argv) {
        String[] all = new String[argv.length + 2];
        all[0] = "exec";
        all[1] = container;
        System.arraycopy(argv, 0, all, 2, argv.length);
        return engine.docker(all);
    }

    /** Where to reach the host's sshd as {@code user}. */
    public SshTarget target(String user) {
        return new SshTarget(address, 22, user);
    }

    public String address() {
        return address;
    }

    /** The key root logs in with. */
    public SecretGenerators.SshKeyPair rootKey() {
        return rootKey;
    }

    public DockerEngine engine() {
        return engine;
    }

    /** Removes the container (and everything inside it). */
    public void remove() {
        try {
            engine.docker("rm", "-f", container);
        } catch (IllegalStateException e) {
            // already gone, or the engine stopped first at JVM exit
        }
    }
}
