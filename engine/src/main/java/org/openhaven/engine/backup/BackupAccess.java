package org.openhaven.engine.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.Secret;

/**
 * How the backup commands reach a deployed haven and, for a recovery, a new server. The haven flow (state store,
 * vault, SSH executor, provider) implements it; until that wiring exists, {@link #notWired()} explains itself.
 */
public interface BackupAccess {

    /** The haven called {@code name}, or the only one when {@code name} is null. */
    HavenBackup open(String name);

    /**
     * Creates a new server for the haven in the recovery kit at its provider (the old one is set aside, never
     * deleted), deploys the stack with empty data and switches DNS to it; returns the haven bound to that server
     * and the means to place files on it. Resumable: after a failure, the same call continues.
     */
    RecoverySite prepareRecovery(RecoveryRequest request, ProgressListener progress);

    /** Called once the data is restored and healthy: the recovery is complete, a later one starts afresh. */
    default void recoveryFinished(RecoverySite site) {
    }

    /**
     * The whole recovery, one sequence for every caller: {@link #prepareRecovery} (a new server with empty data),
     * the backup installed there with the kit's password and every service restored from the snapshot, each one
     * checked healthy, then {@link #recoveryFinished}. Resumable: after a failure, the same call continues.
     *
     * @param snapshot        the snapshot to restore; empty for the newest
     * @param deployProgress  the new server's steps
     * @param restoreProgress the restore's steps
     */
    default Recovered recover(RecoveryRequest request, Optional<String> snapshot, ProgressListener deployProgress,
                              ProgressListener restoreProgress, Clock clock) {
        RecoverySite site = prepareRecovery(request, deployProgress);
        Restore.Result result = new DisasterRecovery(site.haven().plan(), request.kit(), site.credentials(),
                site.haven().health(), restoreProgress, clock)
                .recover(site::target, snapshot, site.haven().services());
        recoveryFinished(site);
        return new Recovered(site.haven().domain(), result, site.notes());
    }

    /**
     * A finished recovery.
     *
     * @param domain   the haven's domain, now served by the new server
     * @param restored the snapshot restored and the services it held
     * @param notes    what the user should know afterwards (the replaced server that may still run)
     */
    record Recovered(String domain, Restore.Result restored, List<String> notes) {

        public Recovered {
            notes = List.copyOf(notes);
        }
    }

    /**
     * What the user brings to a recovery.
     *
     * @param specFile        the haven.yaml, when this computer does not remember the haven (it is new)
     * @param accessKeyId     the storage key id, when given anew; else the vault's
     * @param secretAccessKey its secret, likewise
     */
    record RecoveryRequest(RecoveryKit kit, Optional<Path> specFile, Optional<Secret> accessKeyId,
                           Optional<Secret> secretAccessKey) {
    }

    /**
     * A haven rebuilt on a new server, ready for its data.
     *
     * @param credentials the kit's password with the storage keys
     * @param notes       what the user should know afterwards (the replaced server that may still run)
     */
    record RecoverySite(HavenBackup haven, RecoveryTarget target, BackupCredentials credentials,
                        List<String> notes) {

        public RecoverySite {
            notes = List.copyOf(notes);
        }
    }

    /** The access used when no haven flow is wired in: every call says what is missing. */
    static BackupAccess notWired() {
        return new BackupAccess() {
            @Override
            public HavenBackup open(String name) {
                throw OpenHavenException.config("No deployed haven is known on this computer.",
                        "Deploy one with 'openhaven apply' first; backups are set up as part of the deploy.");
            }

            @Override
            public RecoverySite prepareRecovery(RecoveryRequest request, ProgressListener progress) {
                throw OpenHavenException.config("This build cannot create the new server for a recovery.",
                        "Recover by hand with the steps in the recovery kit (\"without OpenHaven\").");
            }
        };
    }
}
