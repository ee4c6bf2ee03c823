package org.openhaven.engine.cli;

import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.HavenBackups;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.deploy.SshHostBackups;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The backup commands' access to a haven deployed from this computer: its remembered spec, its vault (the SSH key,
 * the repository password) and its recorded server address, reached over SSH with the pinned host key.
 */
final class DeployedHavenBackups implements BackupAccess {

    private final CliContext context;

    DeployedHavenBackups(CliContext context) {
        this.context = context;
    }

    @Override
    public HavenBackup open(String name) {
        HavenEngine engine = context.engine().get();
        if (engine.havens().isEmpty()) {
            return BackupAccess.notWired().open(name); // its message: nothing is deployed from here
        }
        HavenOptions options = new HavenOptions();
        options.haven = name;
        HavenSpec spec = options.resolve(context);
        HavenBackups.requireTarget(spec); // before the passphrase: nothing to open the vault for
        engine.requireDeployed(spec.havenId());
        Vault vault = engine.openVault(spec.havenId(), PassphraseSource.obtain(context.env(),
                context.terminal().interactive() ? context.terminal() : null, spec.havenId(), false));
        return open(spec, vault);
    }

    /** The backup of a deployed haven whose vault is already open. */
    HavenBackup open(HavenSpec spec, SecretStore vault) {
        HavenEngine engine = context.engine().get();
        SshHostBackups backups = new SshHostBackups(KnownHostsFile.in(engine.store().home()), BuiltInCatalog::get);
        return backups.connect(engine.hostTarget(spec, vault), spec, vault);
    }

    @Override
    public RecoverySite prepareRecovery(RecoveryKit kit) {
        return BackupAccess.notWired().prepareRecovery(kit);
    }
}
