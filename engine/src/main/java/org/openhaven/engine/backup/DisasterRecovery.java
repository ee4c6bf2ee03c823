package org.openhaven.engine.backup;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * The restoring half of a recovery ({@code openhaven recover}, the app's recovery dialog): rebuilds a haven on a
 * new server from its backups and recovery kit. The deploy flow provides the new server (any provider, same
 * domain, DNS switched); this class installs the backup there with the kit's password, restores every service
 * from the newest snapshot, and checks each one is healthy.
 */
public final class DisasterRecovery {

    private final BackupPlan plan;
    private final RecoveryKit kit;
    private final BackupCredentials credentials;
    private final ServiceHealth health;
    private final ProgressListener progress;
    private final Clock clock;

    /**
     * @param credentials the kit's password with the S3 keys the user entered again
     */
    public DisasterRecovery(BackupPlan plan, RecoveryKit kit, BackupCredentials credentials, ServiceHealth health,
                            ProgressListener progress, Clock clock) {
        if (!credentials.repositoryPassword().equals(kit.password())) {
            throw new IllegalArgumentException("the credentials must carry the recovery kit's password");
        }
        this.plan = plan;
        this.kit = kit;
        this.credentials = credentials;
        this.health = health;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Recovers onto the server {@code newServer} supplies. The snapshot list is read before anything is restored,
     * so a wrong password or an empty repository stops the recovery before it changes the new server's data.
     *
     * @param everyService the ids of all the haven's services (with or without data), checked healthy at the end
     */
    public Restore.Result recover(Supplier<RecoveryTarget> newServer, Optional<String> snapshotId,
                                  List<String> everyService) {
        RecoveryTarget target = newServer.get();
        BackupInstallation.files(plan, kit.repository(), credentials).forEach(target::upload);
        for (RemoteCommand command : BackupInstallation.activate()) {
            ExecResult result = target.commands().run(command, OutputConsumer.IGNORE);
            if (!result.succeeded()) {
                throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                                "Could not set up backups on the new server: '" + command.description()
                                        + "' failed (exit code " + result.exitCode() + ").")
                        .remedy("Check that the new server runs systemd and has restic installed, then recover "
                                + "again (Retry in the app, or the same 'openhaven recover'); it continues where it "
                                + "stopped.")
                        .build();
            }
        }
        BackupOperations operations = new BackupOperations(kit.repository(), target.commands());
        Restore restore = new Restore(plan, operations, health, progress, clock);
        Restore.Result result = restore.restore(Optional.empty(), snapshotId);
        // Every service, not only those with data, must answer before the haven counts as recovered.
        everyService.forEach(health::awaitHealthy);
        return result;
    }
}
