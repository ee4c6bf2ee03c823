package org.openhaven.engine.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of the server's most recent backup run, as recorded in {@link BackupLayout#STATUS_FILE}, together
 * with the last run that succeeded. The CLI's {@code status}, the dashboard and the tray all read this.
 *
 * @param lastRunSucceeded whether the most recent run succeeded
 * @param startedAt        when the most recent run started
 * @param finishedAt       when it ended
 * @param error            why it failed, in words the script chose (never command output)
 * @param lastSuccess      the most recent successful run, if there ever was one
 */
public record BackupStatus(boolean lastRunSucceeded, Instant startedAt, Instant finishedAt, Optional<String> error,
                           Optional<Snapshot> lastSuccess) {

    /**
     * One successful snapshot.
     *
     * @param snapshotId     restic's snapshot id
     * @param tag            why it was taken ({@code scheduled}, {@code pre-deploy}, {@code manual})
     * @param bytesProcessed the size of the data the snapshot covers
     * @param bytesAdded     what this run added to the repository
     * @param duration       how long restic took
     */
    public record Snapshot(String snapshotId, String tag, Instant finishedAt, long bytesProcessed, long bytesAdded,
                           Duration duration) {
    }
}
