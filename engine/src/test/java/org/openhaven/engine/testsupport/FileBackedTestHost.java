package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.openhaven.engine.haven.BundleRenderer;
import org.openhaven.engine.haven.HostDeployer;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.haven.MetHostKey;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.host.PreflightReport;
import org.openhaven.engine.haven.HavenComponents;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.status.StatusReport;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * TEST-SCOPE stand-in for the server side (no SSH): appends what it is asked to do to a log file that survives
 * SIGKILL, renders a one-file bundle, and offers kill points inside deploy.
 */
public final class FileBackedTestHost implements HostDeployer, BundleRenderer {

    private final Path journal;
    /** Compose services of the last deployed bundle, with their state and health ("running/healthy" unless set). */
    private final Map<String, String> services = new ConcurrentHashMap<>();
    private volatile String backupStatusJson;
    private volatile String unreachable;
    private volatile boolean refusedKeys;

    public FileBackedTestHost(Path journal) {
        this.journal = journal;
    }

    /** The seams wired to this stand-in, with a fixed user-data. */
    public HavenComponents components() {
        return new HavenComponents((spec, key) -> "#cloud-config\n# test user-data for " + spec.havenId() + "\n",
                this, this);
    }

    @Override
    public MetHostKey waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation,
                                 Consumer<String> log) {
        refuseIfTold();
        boolean firstContact = !actions().contains("ssh " + target.host());
        append("ssh " + target.host());
        return new MetHostKey(hostKey(target.host()), firstContact);
    }

    /** The stand-in server's host key fingerprint: a SHA-256 of its address, in OpenSSH's {@code SHA256:} form. */
    public static String hostKey(String host) {
        try {
            return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fit Debian 12 server reached as the target's login; its owner mark is the last "mark" in the journal (a
     * "remove" clears it), so a second haven on the same stand-in server is refused like on a real one. A key set
     * with {@link #refuseKeys} is refused with AUTH, as sshd would.
     */
    @Override
    public ServerInspection inspectServer(HostTarget target) {
        refuseIfTold();
        boolean firstContact = !actions().contains("ssh " + target.host());
        append("check " + target.host());
        return new ServerInspection(target.user() + "@" + target.host() + ":" + target.port(), hostKey(target.host()),
                firstContact, new PreflightReport("debian:12", "Debian GNU/Linux 12 (bookworm)", true, 40L << 20,
                        4L << 20, List.of(), owner()));
    }

    @Override
    public void markServer(HostTarget target, String havenId, Consumer<String> log) {
        append("mark " + havenId);
    }

    @Override
    public void removeHaven(HostTarget target, String havenId, Consumer<String> log) {
        String owner = owner();
        if (!owner.isEmpty() && !owner.equals(havenId)) {
            throw OpenHavenException.config("The server belongs to another haven: " + owner + " (test host).",
                    "Nothing was removed.");
        }
        append("remove " + havenId);
        services.clear();
    }

    /** The haven the stand-in server's owner mark names, empty when none. */
    public String owner() {
        String owner = "";
        for (String action : actions()) {
            if (action.startsWith("mark ")) {
                owner = action.substring(5);
            } else if (action.startsWith("remove ")) {
                owner = "";
            }
        }
        return owner;
    }

    private void refuseIfTold() {
        if (refusedKeys) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "The server did not accept the haven's key (test host).")
                    .build();
        }
    }

    /** Makes the stand-in server refuse every key (true) or accept them again (false). */
    public void refuseKeys(boolean refuse) {
        refusedKeys = refuse;
    }

    @Override
    public void bootstrap(HostTarget target, Path bundleDir, Consumer<String> log) {
        if (!Files.isDirectory(bundleDir)) {
            throw new IllegalStateException("bootstrap without the rendered bundle " + bundleDir);
        }
        append("bootstrap " + target.host());
        log.accept("bootstrapped (test host)");
    }

    @Override
    public void deploy(HostTarget target, Path bundleDir, String bundleHash, Consumer<String> log) {
        KillPoints.reached("host:before-deploy");
        if (!Files.isDirectory(bundleDir)) {
            throw new IllegalStateException("bundle " + bundleDir + " missing");
        }
        append("deploy " + bundleHash);
        rememberServices(bundleDir);
        KillPoints.reached("host:after-deploy");
    }

    @Override
    public void verify(HostTarget target, Consumer<String> log) {
        append("verify " + target.host());
    }

    @Override
    public String render(HavenSpec spec, SecretStore secrets, Path outDir) {
        String content = "services: " + String.join(",", spec.serviceIds()) + "\ndomain: " + spec.domain() + "\n";
        try {
            Files.writeString(outDir.resolve("compose.yaml"), content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's view: the deployed bundle's services, the backup status file set by the test, no certificate. */
    @Override
    public Optional<StatusReport> report(HostTarget target) {
        String problem = unreachable;
        if (problem != null) {
            throw OpenHavenException.of(ErrorCategory.NETWORK, problem)
                    .remedy("Check that the server is running and reachable, then try again.").retryable(true).build();
        }
        List<StatusReport.ServiceStatus> states = new ArrayList<>();
        services.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] stateAndHealth = e.getValue().split("/", 2);
            states.add(new StatusReport.ServiceStatus(e.getKey(), stateAndHealth[0], stateAndHealth[1]));
        });
        return Optional.of(new StatusReport(states, 40L << 30, 30L << 30, 8L << 30, 6L << 30, "test-release",
                Optional.empty(), Optional.ofNullable(backupStatusJson)));
    }

    /** Sets one compose service's state and health as the next {@link #report} shows it. */
    public void serviceState(String service, String state, String health) {
        services.put(service, state + "/" + health);
    }

    /** The backup status file's content as the next {@link #report} shows it; null for "no backup ran yet". */
    public void backupStatus(String json) {
        backupStatusJson = json;
    }

    /** Makes {@link #report} fail as an unreachable server does, with {@code problem}; null reaches it again. */
    public void unreachable(String problem) {
        unreachable = problem;
    }

    /** Every action so far, one per line. */
    public List<String> actions() {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads "services: a,b" from the bundle {@link #render} wrote; each service starts running and healthy. */
    private void rememberServices(Path bundleDir) {
        Path compose = bundleDir.resolve("compose.yaml");
        try {
            if (Files.exists(compose)) {
                services.clear();
                Files.readAllLines(compose).stream().filter(l -> l.startsWith("services: "))
                        .flatMap(l -> List.of(l.substring("services: ".length()).split(",")).stream())
                        .filter(s -> !s.isBlank()).forEach(s -> services.put(s.strip(), "running/healthy"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
