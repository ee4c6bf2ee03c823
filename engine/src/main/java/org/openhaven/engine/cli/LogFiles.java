package org.openhaven.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.openhaven.engine.state.HavenHome;

/**
 * Sends the engine's log (slf4j-simple) to a file of its own for each command run,
 * {@code <home>/logs/openhaven-<time>-<pid>.log}, keeping the newest {@value #KEEP}: full stack traces go there and
 * never to the terminal. slf4j-simple truncates its file on open, hence one file per run. Must run before the
 * first logger is created.
 */
final class LogFiles {

    static final String PROPERTY = "org.slf4j.simpleLogger.logFile";
    static final int KEEP = 20;

    private LogFiles() {
    }

    static void configure() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path logs = HavenHome.resolve().resolve("logs");
        String name = "openhaven-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid() + ".log";
        try {
            Files.createDirectories(logs);
            pruneOldLogs(logs);
            System.setProperty(PROPERTY, logs.resolve(name).toString());
            // the file is for diagnosis, so it keeps the engine's info lines (the terminal never sees them)
            System.setProperty("org.slf4j.simpleLogger.log.org.openhaven", "info");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        } catch (IOException e) {
            // no writable log directory: keep the default (standard error) rather than fail the command
        }
    }

    static String current() {
        return System.getProperty(PROPERTY, "the log");
    }

    private static void pruneOldLogs(Path logs) throws IOException {
        List<Path> old;
        try (Stream<Path> files = Files.list(logs)) {
            old = files.filter(f -> f.getFileName().toString().matches("openhaven-.*\\.log"))
                    .sorted(java.util.Comparator.comparing(Path::getFileName).reversed())
                    .skip(KEEP - 1L).toList();
        }
        for (Path file : old) {
            Files.deleteIfExists(file);
        }
    }
}
