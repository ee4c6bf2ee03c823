package org.openhaven.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openhaven.engine.state.HavenHome;

/**
 * Sends the engine's log (slf4j-simple) to {@code <home>/logs/openhaven.log}, so full stack traces go to a file
 * and never to the user's terminal. Must run before the first logger is created.
 */
final class LogFiles {

    static final String PROPERTY = "org.slf4j.simpleLogger.logFile";

    private LogFiles() {
    }

    static void configure() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path log = HavenHome.resolve().resolve("logs").resolve("openhaven.log");
        try {
            Files.createDirectories(log.getParent());
            System.setProperty(PROPERTY, log.toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        } catch (IOException e) {
            System.setProperty(PROPERTY, "System.err");
        }
    }

    static String current() {
        return System.getProperty(PROPERTY, "the log");
    }
}
