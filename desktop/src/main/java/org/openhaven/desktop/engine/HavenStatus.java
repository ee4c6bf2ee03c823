package org.openhaven.desktop.engine;

import java.time.Instant;
import java.util.List;
import org.openhaven.engine.backup.BackupHealth;

/**
 * The haven's state at one moment.
 *
 * @param lastBackup    when the last successful backup finished; null when none has, or when the server could not
 *                      be asked
 * @param backupHealth  the backup verdict from the server's backup status file; null when the server could not be
 *                      asked (then {@code serverProblem} says why)
 * @param backupError   why the most recent backup run failed, in the backup script's words; empty otherwise
 * @param serverProblem why the server's own view (over SSH) is missing, with the remedy; empty when it answered.
 *                      Service states then come from the HTTPS probe alone.
 */
public record HavenStatus(String havenName, List<ServiceHealth> services, Instant lastBackup, boolean deploying,
                          BackupHealth backupHealth, String backupError, String serverProblem) {

    public HavenStatus {
        services = List.copyOf(services);
        backupError = backupError == null ? "" : backupError;
        serverProblem = serverProblem == null ? "" : serverProblem;
    }

    /** A status without the server's own view: backup health unknown, no problem recorded. */
    public HavenStatus(String havenName, List<ServiceHealth> services, Instant lastBackup, boolean deploying) {
        this(havenName, services, lastBackup, deploying, null, "", "");
    }
}
