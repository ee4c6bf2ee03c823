package org.openhaven.engine.deploy;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.HavenBackups;
import org.openhaven.engine.backup.PreDeployBackup;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.haven.HostBackups;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.remote.HostKeyPins;
import org.openhaven.engine.remote.SshConnection;
import org.openhaven.engine.remote.SshExecutor;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/** The backup module behind core's {@link HostBackups} seam: each call is one SSH session with a pinned host key. */
public final class SshHostBackups implements HostBackups {

    private final HostKeyPins pins;
    private final Supplier<Catalog> catalog;

    /**
     * @param pins    where host keys are pinned, the same as the deployer's
     * @param catalog the service catalog, read on first use
     */
    public SshHostBackups(HostKeyPins pins, Supplier<Catalog> catalog) {
        this.pins = pins;
        this.catalog = catalog;
    }

    @Override
    public void install(HostTarget target, HavenSpec spec, SecretStore vault, Consumer<String> log) {
        try (SshConnection connection = SshHostDeployer.connect(pins, target)) {
            HavenBackups.install(haven(spec, vault, connection), log);
        }
    }

    @Override
    public String backupBeforeDeploy(HostTarget target, HavenSpec spec, SecretStore vault, Consumer<String> log) {
        try (SshConnection connection = SshHostDeployer.connect(pins, target)) {
            log.accept("backing up before the services change");
            return haven(spec, vault, connection).operations().backupNow(PreDeployBackup.TAG);
        }
    }

    /**
     * The haven's backup over a new SSH session that stays open for the rest of the process: for a CLI command,
     * which exits when done (the session ends with it).
     */
    public HavenBackup connect(HostTarget target, HavenSpec spec, SecretStore vault) {
        return haven(spec, vault, SshHostDeployer.connect(pins, target));
    }

    /** The haven's backup over an open connection; the caller closes the connection when done with it. */
    public HavenBackup haven(HavenSpec spec, SecretStore vault, SshConnection connection) {
        SshExecutor server = new SshExecutor(connection);
        return HavenBackups.of(spec, catalog.get(), server, vault, new GatheredServiceHealth(server, spec.domain()));
    }
}
