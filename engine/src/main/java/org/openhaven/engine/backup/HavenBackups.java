package org.openhaven.engine.backup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.FileCommands;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * Binds a haven's spec, catalog, vault and server connection into the {@link HavenBackup} the backup code works
 * on, and installs its backup on the server. The deploy flow and the CLI's backup commands both start here.
 */
public final class HavenBackups {

    private HavenBackups() {
    }

    /** The backup of the haven {@code spec} describes, reached through {@code server}. */
    public static HavenBackup of(HavenSpec spec, Catalog catalog, RemoteExecutor server, SecretStore vault,
                                 ServiceHealth health) {
        requireTarget(spec);
        List<String> services = catalog.resolve(spec.serviceIds());
        BackupPlan plan = BackupPlan.of(spec.havenId(), spec.backup(), CatalogBackups.of(catalog, services));
        return new HavenBackup(spec.havenId(), spec.domain(), plan, ResticRepository.of(spec.backup()), server,
                vault, health, services);
    }

    /** Fails, saying what to add, when the spec has no backup target. */
    public static void requireTarget(HavenSpec spec) {
        if (spec.backupTarget().isEmpty()) {
            throw OpenHavenException.config("Haven '" + spec.havenId() + "' has no backup target.",
                    "Add a backup section (endpoint, bucket) to haven.yaml and run 'openhaven apply'.");
        }
    }

    /**
     * Ensures the bucket, then writes the script, units and env file and starts the timers. Idempotent: a second
     * run rewrites the same files. The S3 keys are checked first, so a missing key fails before any change.
     */
    public static void install(HavenBackup haven, Consumer<String> log) {
        BackupCredentials credentials = BackupCredentials.fromVault(haven.vault(), new SecretGenerators());
        try (BackupBucket bucket = new BackupBucket(haven.repository(), credentials.accessKeyId(),
                credentials.secretAccessKey())) {
            BackupBucket.Outcome outcome = bucket.ensure();
            log.accept((outcome == BackupBucket.Outcome.CREATED ? "created " : "using ")
                    + haven.repository().describe());
        }
        haven.server().runChecked(prepareDirectory(), OutputConsumer.IGNORE);
        for (ServerFile file : BackupInstallation.files(haven.plan(), haven.repository(), credentials)) {
            upload(haven.server(), file);
        }
        for (RemoteCommand command : BackupInstallation.activate()) {
            haven.server().runChecked(command, OutputConsumer.IGNORE);
        }
        log.accept("daily backup at " + haven.plan().dailyAt() + " server time");
    }

    /** The haven's server as a recovery uses it: files written as root, commands run there. */
    public static RecoveryTarget recoveryTarget(HavenBackup haven) {
        return new RecoveryTarget() {
            @Override
            public void upload(ServerFile file) {
                HavenBackups.upload(haven.server(), file);
            }

            @Override
            public RemoteExecutor commands() {
                return haven.server();
            }
        };
    }

    /** Writes one file through stdin, so its content never appears in a command line. */
    private static void upload(RemoteExecutor server, ServerFile file) {
        server.runChecked(FileCommands.writeFromStdin(file.path(), file.mode()),
                new ByteArrayInputStream(file.content().reveal().getBytes(StandardCharsets.UTF_8)),
                OutputConsumer.IGNORE);
    }

    /** The directory the script and env file go into; it must exist before they are written. */
    static RemoteCommand prepareDirectory() {
        return FileCommands.mkdirs(BackupLayout.DIR, "0700");
    }
}
