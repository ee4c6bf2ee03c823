package org.openhaven.engine.cli;

import java.io.PrintWriter;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns failures into words and exit codes: message and remedy for ours, a one-line apology for bugs. */
final class CliErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {
    }

    static int report(Throwable failure, PrintWriter err) {
        if (failure instanceof OpenHavenException e) {
            LOG.info("command failed: {}", e.userMessage(), e);
            err.println("Error: " + e.userMessage());
            if (!e.remedy().isEmpty()) {
                err.println("  → " + e.remedy());
            }
            if (e.category() == ErrorCategory.INTERNAL) {
                err.println("  (details: " + LogFiles.current() + ")");
            }
            err.flush();
            return exitCode(e.category());
        }
        LOG.error("unexpected failure", failure);
        err.println("Sorry, OpenHaven ran into an unexpected problem. The details are in " + LogFiles.current()
                + "; please include that file when you report it.");
        err.flush();
        return OpenHavenCli.FAILED;
    }

    static int exitCode(ErrorCategory category) {
        return switch (category) {
            case LOCKED -> OpenHavenCli.LOCKED;
            case CONFIG -> OpenHavenCli.USAGE;
            default -> OpenHavenCli.FAILED;
        };
    }
}
