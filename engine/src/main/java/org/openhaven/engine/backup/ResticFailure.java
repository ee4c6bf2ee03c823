package org.openhaven.engine.backup;

import java.util.Arrays;
import java.util.Locale;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;

/**
 * Turns a failed restic run into a message for people. restic 0.14 signals most failures with exit code 1 and a
 * {@code Fatal:} line, so the line is what tells a wrong password from a missing repository or bad S3 keys.
 */
public final class ResticFailure {

    private ResticFailure() {
    }

    /** The failure of {@code what} ("list the snapshots") against {@code repository}. */
    public static OpenHavenException of(String what, ResticRepository repository, ExecResult result) {
        String stderr = result.stderr() == null ? "" : result.stderr();
        String lower = stderr.toLowerCase(Locale.ROOT);
        String where = repository.describe();
        if (lower.contains("wrong password")) {
            return OpenHavenException.of(ErrorCategory.AUTH,
                            "Could not " + what + ": the repository password does not open the backups in " + where
                                    + ".")
                    .remedy("Use the password printed in this haven's recovery kit; the repository cannot be opened "
                            + "without it.")
                    .build();
        }
        if (lower.contains("access key id you provided does not exist") || lower.contains("signaturedoesnotmatch")
                || lower.contains("invalidaccesskeyid") || lower.contains("access denied")) {
            return OpenHavenException.of(ErrorCategory.AUTH,
                            "Could not " + what + ": the storage provider rejected the S3 keys for " + where + ".")
                    .remedy("Check the access key id and secret key, and that they may read and write this bucket.")
                    .build();
        }
        if (lower.contains("is there a repository at the following location")
                || lower.contains("repository does not exist") || lower.contains("bucket does not exist")
                || lower.contains("nosuchbucket")) {
            return OpenHavenException.of(ErrorCategory.CONFIG,
                            "Could not " + what + ": there is no backup repository in " + where + ".")
                    .remedy("Check backup.endpoint, bucket and prefix against your recovery kit; a haven creates "
                            + "its repository on its first backup.")
                    .build();
        }
        if (lower.contains("repository is already locked")) {
            return OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                            "Could not " + what + ": another backup task is using the repository right now.")
                    .remedy("Wait for it to finish and try again; a lock left by a crashed run is removed by the "
                            + "next backup.")
                    .retryable(true)
                    .build();
        }
        if (lower.contains("dial tcp") || lower.contains("no such host") || lower.contains("connection refused")
                || lower.contains("i/o timeout")) {
            return OpenHavenException.of(ErrorCategory.NETWORK,
                            "Could not " + what + ": the storage at " + repository.endpoint() + " cannot be reached.")
                    .remedy("Check the endpoint address and the server's internet connection, then try again.")
                    .build();
        }
        return OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "Could not " + what + ": restic stopped with exit code " + result.exitCode()
                                + fatalLine(stderr) + ".")
                .remedy("Run 'openhaven backup check' to verify the repository; the server's journal "
                        + "(journalctl -u openhaven-backup) has the full output.")
                .build();
    }

    private static String fatalLine(String stderr) {
        return Arrays.stream(stderr.split("\n"))
                .filter(line -> line.startsWith("Fatal:"))
                .findFirst()
                .map(line -> " (" + line.substring("Fatal:".length()).strip() + ")")
                .orElse("");
    }
}
