package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.openhaven.engine.haven.BundleRenderer;
import org.openhaven.engine.haven.HostDeployer;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.haven.HavenComponents;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * TEST-SCOPE stand-in for the server side (no SSH): appends what it is asked to do to a log file that survives
 * SIGKILL, renders a one-file bundle, and offers kill points inside deploy.
 */
public final class FileBackedTestHost implements HostDeployer, BundleRenderer {

    private final Path journal;

    public FileBackedTestHost(Path journal) {
        this.journal = journal;
    }

    /** The seams wired to this stand-in, with a fixed user-data. */
    public HavenComponents components() {
        return new HavenComponents((spec, key) -> "#cloud-config\n# test user-data for " + spec.havenId() + "\n",
                this, this);
    }

    @Override
    public void waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation, Consumer<String> log) {
        append("ssh " + target.host());
    }

    @Override
    public void bootstrap(HostTarget target, Consumer<String> log) {
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

    /** Every action so far, one per line. */
    public List<String> actions() {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
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
