package org.openhaven.engine.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How the backups of a haven are doing, as the tray and {@code openhaven status} show it. */
public enum BackupHealth {
    /** The last run succeeded less than {@link #OVERDUE_AFTER} ago. */
    HEALTHY,
    /** No run has succeeded yet and none has failed: a fresh haven before its first scheduled run. */
    NOT_YET_RUN,
    /** The last success is older than {@link #OVERDUE_AFTER}: the timer is not running or runs are hanging. */
    OVERDUE,
    /** The most recent run failed. */
    FAILED;

    /** A daily backup plus two hours of slack for a slow run or a server that was briefly off. */
    public static final Duration OVERDUE_AFTER = Duration.ofHours(26);

    /** Judges a status at {@code now}; a failure outranks lateness because it says more about what to fix. */
    public static BackupHealth assess(Optional<BackupStatus> status, Instant now) {
        if (status.isEmpty()) {
            return NOT_YET_RUN;
        }
        BackupStatus s = status.get();
        if (!s.lastRunSucceeded()) {
            return FAILED;
        }
        return s.lastSuccess()
                .map(last -> Duration.between(last.finishedAt(), now).compareTo(OVERDUE_AFTER) > 0 ? OVERDUE : HEALTHY)
                .orElse(NOT_YET_RUN);
    }

    /** Whether the user should be told (a notification, a red tray icon). */
    public boolean needsAttention() {
        return this == OVERDUE || this == FAILED;
    }
}
