package org.openhaven.engine.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HostDeployer;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.haven.MetHostKey;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.host.PreflightReport;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.host.BootstrapOptions;
import org.openhaven.engine.host.FirewallRuleset;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.host.HostFactsProbe;
import org.openhaven.engine.host.HostBootstrap;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.remote.HostKeyPins;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.PublicKeys;
import org.openhaven.engine.remote.Reachability;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.remote.SshTarget;
import org.openhaven.engine.render.Manifest;
import org.openhaven.engine.render.StackRenderer;
import org.openhaven.engine.state.HavenHome;
import org.openhaven.engine.status.StatusGatherer;
import org.openhaven.engine.status.StatusReport;

/**
 * The remote module behind core's {@link HostDeployer} seam: SSH with pinned host keys, the host bootstrap, the
 * {@link Deployer} fed from a rendered bundle directory (its manifest.json gives health checks and post-deploy
 * commands), and a status check as verification.
 */
public final class SshHostDeployer implements HostDeployer {

    /** How long a service may take to become healthy; Keycloak and Nextcloud need minutes on a first start. */
    public static final Duration SERVICE_DEADLINE = Duration.ofMinutes(5);
    private static final Duration CONNECT = Duration.ofSeconds(20);

    /**
     * Set to {@code true} to skip the bootstrap's package installs (Docker, nftables, …) on a server that has them
     * already and cannot reach a package mirror (air-gapped hosts, the end-to-end test's lab host).
     */
    public static final String SKIP_PACKAGES_ENV = "OPENHAVEN_BOOTSTRAP_SKIP_PACKAGES";

    private final HostKeyPins pins;
    private final ExistingServerCommands existing = new ExistingServerCommands(ServerLayout.DEFAULT);
    private final boolean installPackages;
    private final String holder;

    /**
     * For discovery through {@code META-INF/services}: pins in the OpenHaven home's {@code known_hosts}, the deploy
     * lock held as {@code user@machine}.
     */
    public SshHostDeployer() {
        this(KnownHostsFile.in(HavenHome.resolve()), System.getProperty("user.name", "openhaven") + "@"
                + hostName(), !"true".equalsIgnoreCase(System.getenv(SKIP_PACKAGES_ENV)));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * @param pins   where host keys are pinned
     * @param holder who deploys, for the server's deploy lock ({@code user@machine})
     */
    public SshHostDeployer(HostKeyPins pins, String holder) {
        this(pins, holder, true);
    }

    /** As above; {@code installPackages} false skips the package installs (see {@link #SKIP_PACKAGES_ENV}). */
    public SshHostDeployer(HostKeyPins pins, String holder, boolean installPackages) {
        this.pins = pins;
        this.holder = holder;
        this.installPackages = installPackages;
    }

    @Override
    public MetHostKey waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation,
            Consumer<String> log) {
        cancellation.throwIfCancelled();
        new Reachability().awaitSsh(ssh(target), deadline.remaining());
        boolean firstContact = expectedHostKey(pins, target).isEmpty();
        try (SshConnection connection = connect(target)) {
            log.accept("SSH works; host key " + connection.hostKeyFingerprint());
            return new MetHostKey(connection.hostKeyFingerprint(), firstContact);
        }
    }

    /** The preflight runs as the login itself (not through sudo): whether sudo works is one of its questions. */
    @Override
    public ServerInspection inspectServer(HostTarget target) {
        boolean firstContact = expectedHostKey(pins, target).isEmpty();
        try (SshConnection connection = connect(target)) {
            ExecResult result = connection.exec(existing.preflight().shellLine(), null, OutputConsumer.IGNORE);
            if (!result.succeeded()) {
                throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND, "Could not inspect the server "
                                + connection.target().address() + ":\n" + result.tail(5))
                        .remedy("Check that the login user has a POSIX shell (sh) and try again.")
                        .build();
            }
            return new ServerInspection(ssh(target).describe(), connection.hostKeyFingerprint(), firstContact,
                    PreflightReport.parse(result.stdout()));
        }
    }

    @Override
    public void markServer(HostTarget target, String havenId, Consumer<String> log) {
        try (SshConnection connection = connect(target)) {
            new SshExecutor(connection).runChecked(existing.mark(havenId), lines(log));
        }
    }

    @Override
    public void removeHaven(HostTarget target, String havenId, Consumer<String> log) {
        ExecResult result;
        try (SshConnection connection = connect(target)) {
            result = new SshExecutor(connection).run(existing.removeHaven(havenId), null, lines(log));
        }
        if (result.exitCode() == ExistingServerCommands.OTHER_OWNER) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The server " + ssh(target).describe()
                            + " belongs to another haven: " + result.stderr().strip().replace("ERROR: ", ""))
                    .remedy("Nothing was removed. Destroy that haven instead, from the computer that set it up.")
                    .build();
        }
        if (!result.succeeded()) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND, "Removing the haven from "
                            + ssh(target).describe() + " failed:\n" + result.tail(5))
                    .remedy("Fix the cause named above on the server and run 'openhaven destroy' again.")
                    .build();
        }
    }

    @Override
    public void bootstrap(HostTarget target, Path bundleDir, Consumer<String> log) {
        String publicKey = PublicKeys.authorizedKeyLine(target.privateKeyOpenSsh(), "openhaven");
        HostBootstrap bootstrap = new HostBootstrap(new BootstrapOptions(HostBootstrap.ADMIN_USER, publicKey,
                openings(readManifest(bundleDir)).orElse(List.of()), installPackages));
        try (SshConnection connection = connect(target)) {
            bootstrap.run(new SshExecutor(connection), lines(log));
        }
    }

    @Override
    public void deploy(HostTarget target, Path bundleDir, String bundleHash, Consumer<String> log) {
        ReleaseBundle bundle = readBundle(bundleDir, bundleHash);
        try (SshConnection connection = connect(target)) {
            new Deployer(new SshExecutor(connection), ServerLayout.DEFAULT).deploy(bundle, holder, lines(log));
        }
    }

    @Override
    public HostFacts hostFacts(HostTarget target) {
        try (SshConnection connection = connect(target)) {
            return HostFactsProbe.gather(new SshExecutor(connection));
        }
    }

    @Override
    public void verify(HostTarget target, Consumer<String> log) {
        StatusReport report;
        try (SshConnection connection = connect(target)) {
            report = new StatusGatherer(new SshExecutor(connection), ServerLayout.DEFAULT).gather(target.host());
        }
        List<StatusReport.ServiceStatus> unhealthy = report.services().stream().filter(s -> !s.healthy()).toList();
        report.services().forEach(s -> log.accept(s.service() + ": " + s.state() + "/" + s.health()));
        if (report.services().isEmpty() || !unhealthy.isEmpty()) {
            throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND, report.services().isEmpty()
                            ? "No services run on the server."
                            : "Not every service is healthy: " + unhealthy.stream()
                                    .map(s -> s.service() + " (" + s.state() + "/" + s.health() + ")")
                                    .collect(Collectors.joining(", ")) + ".")
                    .remedy("Run 'openhaven status' for details and 'openhaven apply' to deploy again.")
                    .retryable(true)
                    .build();
        }
    }

    @Override
    public void forgetHostKey(String host, int port) {
        pins.forget(host, port);
    }

    @Override
    public List<String> describe(HostTarget target) {
        return describe(gather(target));
    }

    @Override
    public java.util.Optional<StatusReport> report(HostTarget target) {
        return java.util.Optional.of(gather(target));
    }

    private StatusReport gather(HostTarget target) {
        try (SshConnection connection = connect(target)) {
            return new StatusGatherer(new SshExecutor(connection), ServerLayout.DEFAULT).gather(target.host());
        }
    }

    /** The report as status lines (pure, so tests can assert the exact text). */
    static List<String> describe(StatusReport report) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("release  " + (report.liveRelease().isEmpty() ? "none deployed" : report.liveRelease()));
        report.services().forEach(s -> lines.add(String.format("service  %-16s %s/%s", s.service(), s.state(),
                s.health())));
        lines.add(String.format("disk     %d of %d MiB free", report.diskFreeBytes() >> 20,
                report.diskTotalBytes() >> 20));
        lines.add(String.format("memory   %d of %d MiB available", report.memoryAvailableBytes() >> 20,
                report.memoryTotalBytes() >> 20));
        report.certificateExpiry().ifPresent(e -> lines.add("tls      certificate valid until " + e));
        return lines;
    }

    /**
     * Reads a rendered bundle directory: every file, plus health checks and post-deploy commands from its manifest,
     * and the host firewall opening 22 plus the manifest's ports (mail's among them when the haven runs mail).
     * A health check's {@code container} is the compose service key (a catalog service may have several).
     */
    static ReleaseBundle readBundle(Path dir, String hash) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, byte[]> files = new TreeMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            Manifest manifest = readManifest(dir);
            List<ReleaseBundle.ServiceCheck> checks = manifest.healthChecks() == null ? List.of()
                    : manifest.healthChecks().stream().map(h -> new ReleaseBundle.ServiceCheck(h.container(),
                            SERVICE_DEADLINE)).distinct().toList();
            List<RemoteCommand> post = manifest.postDeploy() == null ? List.of()
                    : manifest.postDeploy().stream().map(c -> new RemoteCommand(c.argv(), c.description())).toList();
            return new ReleaseBundle(hash, files, checks, post, firewall(manifest));
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    static Manifest readManifest(Path dir) {
        try {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(dir.resolve(StackRenderer.MANIFEST_FILE).toFile(), Manifest.class);
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    private static OpenHavenException unreadable(Path dir, IOException e) {
        return OpenHavenException.internal("The rendered bundle in " + dir + " could not be read.", e);
    }

    /**
     * The host's ruleset for a release: 22 and the ports its manifest lists. A manifest without a ports list (written
     * before it had one) leaves the firewall as it is, rather than closing the web ports it cannot know about.
     */
    static String firewall(Manifest manifest) {
        return openings(manifest).map(FirewallRuleset::render).orElse("");
    }

    /** The openings a manifest lists, the one source of the host firewall; empty when it lists none at all. */
    static java.util.Optional<List<FirewallRule>> openings(Manifest manifest) {
        return java.util.Optional.ofNullable(manifest.ports()).map(ports -> ports.stream()
                .map(p -> FirewallRuleset.opening(p.port(), p.protocol(), p.purpose())).toList());
    }

    private SshConnection connect(HostTarget target) {
        return connect(pins, target);
    }

    /**
     * Opens SSH to {@code target}, checking its host key against the pin (pinning it on first contact). The pin is
     * the one in {@code pins} (the verifier's file), else the one the haven's state recorded, so losing
     * {@code known_hosts} never turns a known server into a first contact.
     */
    static SshConnection connect(HostKeyPins pins, HostTarget target) {
        SshConnection connection = SshConnection.open(ssh(target), target.privateKeyOpenSsh(),
                expectedHostKey(pins, target).orElse(null), CONNECT);
        pins.record(target.host(), target.port(), connection.hostKeyFingerprint());
        return connection;
    }

    private static java.util.Optional<String> expectedHostKey(HostKeyPins pins, HostTarget target) {
        return pins.pinned(target.host(), target.port())
                .or(() -> java.util.Optional.ofNullable(target.recordedHostKey()));
    }

    private static SshTarget ssh(HostTarget target) {
        return new SshTarget(target.host(), target.port(), target.user());
    }

    static OutputConsumer lines(Consumer<String> log) {
        return line -> log.accept(line.text());
    }
}
