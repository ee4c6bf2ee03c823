package org.openhaven.engine.cli;

import java.io.PrintWriter;
import org.openhaven.engine.error.OpenHavenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints a failure of the backup commands as message and remedy and picks the exit code. */
final class BackupCliErrors {

    private static final Logger LOG = LoggerFactory.getLogger(BackupCliErrors.class);

    private BackupCliErrors() {
    }

    static int report(OpenHavenException e, PrintWriter err) {
        LOG.info("backup command failed: {}", e.userMessage(), e);
        err.println("Error: " + e.userMessage());
        if (!e.remedy().isEmpty()) {
            err.println("  → " + e.remedy());
        }
        err.flush();
        return switch (e.category()) {
            case LOCKED -> OpenHavenCli.LOCKED;
            case CONFIG -> OpenHavenCli.USAGE;
            default -> OpenHavenCli.FAILED;
        };
    }
}
