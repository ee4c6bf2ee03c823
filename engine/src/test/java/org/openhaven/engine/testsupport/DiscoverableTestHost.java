package org.openhaven.engine.testsupport;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.openhaven.engine.haven.BundleRenderer;
import org.openhaven.engine.haven.HostDeployer;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.haven.MetHostKey;
import org.openhaven.engine.haven.ServerInspection;
import org.openhaven.engine.haven.UserDataSource;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * TEST-SCOPE: the {@link FileBackedTestHost} as a service-loadable seam for a CLI in a child JVM; its journal file
 * comes from the system property {@code openhaven.test.hostFile}.
 */
public final class DiscoverableTestHost implements UserDataSource, BundleRenderer, HostDeployer {

    public static final String FILE_PROPERTY = "openhaven.test.hostFile";

    private FileBackedTestHost host() {
        return new FileBackedTestHost(Path.of(System.getProperty(FILE_PROPERTY)));
    }

    @Override
    public String userData(HavenSpec spec, String sshPublicKeyOpenSsh) {
        return host().components().userData().userData(spec, sshPublicKeyOpenSsh);
    }

    @Override
    public String render(HavenSpec spec, SecretStore secrets, Path outDir) {
        return host().render(spec, secrets, outDir);
    }

    @Override
    public MetHostKey waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation,
                                 Consumer<String> log) {
        return host().waitForSsh(target, deadline, cancellation, log);
    }

    @Override
    public void bootstrap(HostTarget target, Path bundleDir, Consumer<String> log) {
        host().bootstrap(target, bundleDir, log);
    }

    @Override
    public void deploy(HostTarget target, Path bundleDir, String bundleHash, Consumer<String> log) {
        host().deploy(target, bundleDir, bundleHash, log);
    }

    @Override
    public void verify(HostTarget target, Consumer<String> log) {
        host().verify(target, log);
    }

    @Override
    public ServerInspection inspectServer(HostTarget target) {
        return host().inspectServer(target);
    }

    @Override
    public void markServer(HostTarget target, String havenId, Consumer<String> log) {
        host().markServer(target, havenId, log);
    }

    @Override
    public void removeHaven(HostTarget target, String havenId, Consumer<String> log) {
        host().removeHaven(target, havenId, log);
    }
}
