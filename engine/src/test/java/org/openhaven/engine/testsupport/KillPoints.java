package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets a test stop a child JVM at a named point so it can be killed with SIGKILL exactly there: when the point
 * named by the system property {@code openhaven.test.killAt} is reached, the child writes the marker file named
 * by {@code openhaven.test.killMarker} and then waits forever for its SIGKILL.
 */
public final class KillPoints {

    public static final String POINT_PROPERTY = "openhaven.test.killAt";
    public static final String MARKER_PROPERTY = "openhaven.test.killMarker";

    private KillPoints() {
    }

    /**
     * Waits (in the parent) until the child parked at its kill point, failing if it exits first or takes over two
     * minutes.
     */
    public static void awaitParked(Process child, Path marker, String point) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(marker)) {
            if (!child.isAlive()) {
                throw new AssertionError("the child exited before reaching kill point " + point);
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the child did not reach kill point " + point + " within two minutes");
            }
            Thread.sleep(20);
        }
    }

    /** Called at every interesting point; parks the process if it is the chosen one. */
    public static void reached(String point) {
        String chosen = System.getProperty(POINT_PROPERTY);
        if (chosen == null || !chosen.equals(point)) {
            return;
        }
        try {
            Files.writeString(Path.of(System.getProperty(MARKER_PROPERTY)), point);
            while (true) {
                Thread.sleep(60_000);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("kill point " + point + " could not park", e);
        }
    }
}
