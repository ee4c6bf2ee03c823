package org.openhaven.engine.cli;

import java.nio.file.Files;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.HavenBackups;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.haven.HavenRecovery;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The backup commands' access to a haven deployed from this computer: its remembered spec, its vault (the SSH key,
 * the repository password) and its recorded server address, reached over SSH with the pinned host key. For a
 * recovery, it drives the normal deploy flow onto a new server.
 */
final class DeployedHavenBackups implements BackupAccess {

    static final String RECOVER_COMMAND = "openhaven recover";
    private static final String RESUME = "Then run 'openhaven recover' with the same kit again; it continues where it "
            + "stopped.";

    private final CliContext context;
    /** The recovery bound to the haven's spec and vault, once {@link #prepareRecovery} opened them. */
    private BackupAccess bound;

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
        return open(spec, vault(engine, spec.havenId()));
    }

    /** The backup of a deployed haven whose vault is already open. */
    HavenBackup open(HavenSpec spec, SecretStore vault) {
        return recovery().open(spec, vault);
    }

    private HavenRecovery recovery() {
        return new HavenRecovery(context.engine().get(), BuiltInCatalog::get, RECOVER_COMMAND, RESUME);
    }

    /**
     * The spec (remembered, or the file the user brought), checked against the kit before the vault is opened
     * (created on a new computer); then the engine's recovery, the same one the desktop runs.
     */
    @Override
    public RecoverySite prepareRecovery(RecoveryRequest request, ProgressListener progress) {
        HavenSpec spec = spec(request);
        HavenRecovery.requireMatches(spec, request.kit());
        HavenEngine engine = context.engine().get();
        bound = recovery().access(spec, vault(engine, spec.havenId()), new CancellationToken());
        return bound.prepareRecovery(request, progress);
    }

    @Override
    public void recoveryFinished(RecoverySite site) {
        bound.recoveryFinished(site);
    }

    private HavenSpec spec(RecoveryRequest request) {
        HavenOptions options = new HavenOptions();
        if (request.specFile().isPresent()) {
            options.spec = request.specFile().get();
            return options.resolve(context);
        }
        String haven = request.kit().havenId();
        if (!Files.isRegularFile(context.engine().get().directory(haven).specFile())) {
            throw OpenHavenException.config("This computer does not know the haven '" + haven + "' of the kit.",
                    "Pass the haven's spec with --spec haven.yaml (the file you deployed it with).");
        }
        options.haven = haven;
        return options.resolve(context);
    }

    private Vault vault(HavenEngine engine, String haven) {
        boolean creating = !engine.vaultExists(haven);
        return engine.openVault(haven, PassphraseSource.obtain(context.env(),
                context.terminal().interactive() ? context.terminal() : null, haven, creating));
    }
}
