package org.openhaven.engine.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the child JVMs of crash-and-resume tests: the test class path, an optional {@link KillPoints} point, output
 * appended to {@code child.log} in the run's directory, and no {@code OPENHAVEN_*} variables from the parent. Every
 * child started is remembered so {@link #killAll()} can stop leftovers after the test.
 */
public final class ChildJvms {

    private final List<Process> started = new ArrayList<>();

    /**
     * @param dir     the run's directory: {@code child.log} and the kill point's {@code marker} go there
     * @param killAt  the kill point to park at, or null to run to the end
     */
    public synchronized Process start(Path dir, String killAt, Class<?> main, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", CliProcess.classPath()));
        if (killAt != null) {
            command.add("-D" + KillPoints.POINT_PROPERTY + "=" + killAt);
            command.add("-D" + KillPoints.MARKER_PROPERTY + "=" + marker(dir));
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("OPENHAVEN"));
        Process process = builder.start();
        started.add(process);
        return process;
    }

    public static Path marker(Path dir) {
        return dir.resolve("marker");
    }

    /** Waits until the child parked at its kill point (see {@link KillPoints#awaitParked}). */
    public static void awaitKillPoint(Process victim, Path dir, String point) throws InterruptedException {
        KillPoints.awaitParked(victim, marker(dir), point);
    }

    /** The child's output so far, for assertion messages. */
    public static String log(Path dir) throws IOException {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public synchronized void killAll() {
        started.forEach(Process::destroyForcibly);
    }
}
