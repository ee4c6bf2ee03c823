package org.openhaven.engine.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.BundleRenderer;
import org.openhaven.engine.deploy.SshHostBackups;
import org.openhaven.engine.haven.HavenComponents;
import org.openhaven.engine.haven.HostBackups;
import org.openhaven.engine.haven.HostDeployer;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.haven.MetHostKey;
import org.openhaven.engine.haven.UserDataSource;
import org.openhaven.engine.host.CloudInitUserData;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.render.StackBundleRenderer;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.state.HavenHome;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The flow's seams as found on the class path ({@code META-INF/services}); a missing one fails the step that needs
 * it with a clear message instead of at start-up, so plan, status and destroy keep working.
 */
final class DiscoveredComponents {

    private DiscoveredComponents() {
    }

    static HavenComponents discover() {
        UserDataSource userData = ServiceLoader.load(UserDataSource.class).findFirst()
                .orElse(DiscoveredComponents::bootstrapCloudInit);
        BundleRenderer renderer = ServiceLoader.load(BundleRenderer.class).findFirst()
                .orElse(DiscoveredComponents::renderWithStackRenderer);
        HostDeployer deployer = ServiceLoader.load(HostDeployer.class).findFirst().orElse(new HostDeployer() {
            @Override
            public MetHostKey waitForSsh(HostTarget target, Deadline deadline, CancellationToken cancellation,
                                   Consumer<String> log) {
                throw missing("SSH deployer");
            }

            @Override
            public void bootstrap(HostTarget target, Path bundleDir, Consumer<String> log) {
                throw missing("SSH deployer");
            }

            @Override
            public void deploy(HostTarget target, Path bundleDir, String bundleHash, Consumer<String> log) {
                throw missing("SSH deployer");
            }

            @Override
            public void verify(HostTarget target, Consumer<String> log) {
                throw missing("SSH deployer");
            }
        });
        // The backups share the deployer's host-key pins, so a changed host key stops them just the same.
        HostBackups backups = new SshHostBackups(KnownHostsFile.in(HavenHome.resolve()), BuiltInCatalog::get);
        return new HavenComponents(userData, renderer, deployer, backups);
    }

    /** The built-in user-data: the host bootstrap as cloud-init, carrying only the haven's public key. */
    static String bootstrapCloudInit(HavenSpec spec, String sshPublicKey) {
        return new CloudInitUserData().userData(spec, sshPublicKey);
    }

    /** The built-in renderer: the stack bundle of the shipped catalog, named by its content hash. */
    static String renderWithStackRenderer(HavenSpec spec, SecretStore secrets, Path outDir) {
        return new StackBundleRenderer(BuiltInCatalog.get()).render(spec, secrets, outDir);
    }

    private static OpenHavenException missing(String what) {
        return OpenHavenException.internal("This build of OpenHaven has no " + what + ".", null);
    }
}
