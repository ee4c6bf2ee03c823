package org.openhaven.desktop.companion;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line that starts the other role of the desktop (the tray, or a window the tray opens) the way this
 * process itself was started, so it gets the same JVM options (desktop/launch.conf) and class path.
 *
 * <p>From a JDK or full runtime ({@code ./openhaven}, the benchmark, tests) that is {@code java <this JVM's options>
 * -cp <class path> org.openhaven.desktop.Launcher <role>}, minus options that must happen once per start: recording
 * an AppCDS archive ({@code -XX:ArchiveClassesAtExit}, which {@code ./openhaven} moves into place after the first
 * process exits) and a debugger or coverage agent (its port or file is taken); the tray also leaves out the window's
 * AppCDS archive, which is mostly JavaFX. An installed app's jlinked runtime has no
 * {@code bin/java} (jpackage strips native commands); there the app's own native launcher is run again with the role
 * argument, and it applies the packaged JVM options itself.
 */
public record CompanionCommand(String javaHome, boolean javaBinaryExists, List<String> inputArguments,
                               String classPath, Optional<String> processCommand) {

    /** The hidden argument of the tray role; checked before the command line interface, never in its help. */
    public static final String TRAY_ROLE = "--tray-companion";
    /** The hidden argument of a window the tray starts: its stdin carries the tray's messages. */
    public static final String WINDOW_FOR_TRAY = "--window-for-tray";
    static final String MAIN_CLASS = "org.openhaven.desktop.Launcher";

    public CompanionCommand {
        inputArguments = List.copyOf(inputArguments);
    }

    /** The facts of the running JVM. */
    public static CompanionCommand ofThisProcess() {
        String javaHome = System.getProperty("java.home", "");
        return new CompanionCommand(javaHome, Files.isExecutable(javaBinary(javaHome)),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path", ""),
                ProcessHandle.current().info().command());
    }

    /**
     * The argv that starts {@code role}, or empty when neither a {@code java} binary nor this process's own launcher
     * is known (the caller then runs without the other process).
     */
    public Optional<List<String>> argv(String role) {
        List<String> argv = new ArrayList<>();
        if (javaBinaryExists) {
            argv.add(javaBinary(javaHome).toString());
            inputArguments.stream().filter(option -> carriesOver(option, role)).forEach(argv::add);
            argv.add("-cp");
            argv.add(classPath);
            argv.add(MAIN_CLASS);
        } else if (processCommand.isPresent()) {
            argv.add(processCommand.get());
        } else {
            return Optional.empty();
        }
        argv.add(role);
        return Optional.of(argv);
    }

    private static boolean carriesOver(String option, String role) {
        if (option.startsWith("-XX:SharedArchiveFile=")) {
            // the window's archive holds JavaFX: mapping it would cost the tray ~16 MiB resident for classes it never
            // uses (docs/performance/desktop.md); the JDK's default archive serves the tray
            return !role.equals(TRAY_ROLE);
        }
        return !option.startsWith("-XX:ArchiveClassesAtExit=") && !option.startsWith("-agentlib:jdwp")
                && !option.startsWith("-javaagent:");
    }

    private static Path javaBinary(String javaHome) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return Path.of(javaHome, "bin", windows ? "java.exe" : "java");
    }
}
