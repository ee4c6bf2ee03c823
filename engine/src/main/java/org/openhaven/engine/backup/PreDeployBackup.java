package org.openhaven.engine.backup;

import java.util.Optional;

/**
 * The backup the deploy flow takes before it changes any service, so a failed update can be rolled back with
 * {@code openhaven restore --snapshot <id>}. Skipped on the first deploy: there is nothing to protect yet, and
 * the repository does not exist.
 */
public final class PreDeployBackup {

    /** The tag that marks these snapshots in {@code openhaven backup list}. */
    public static final String TAG = "pre-deploy";

    private final BackupOperations operations;

    public PreDeployBackup(BackupOperations operations) {
        this.operations = operations;
    }

    /**
     * Takes the backup when the deploy changes a running haven.
     *
     * @param firstDeploy     true when no release is on the server yet
     * @param changesServices true when the plan updates, adds or removes a service
     * @return the snapshot id, or empty when skipped
     */
    public Optional<String> run(boolean firstDeploy, boolean changesServices) {
        if (firstDeploy || !changesServices) {
            return Optional.empty();
        }
        return Optional.of(operations.backupNow(TAG));
    }
}
