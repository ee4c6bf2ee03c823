package org.openhaven.desktop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openhaven.engine.testsupport.Requirements;

/**
 * A private X display for tests of the desktop's processes: Xvfb on a free display number with trayer as the system
 * tray, both stopped by their own PID on close; and JVMs started on it with the test's class path, each recorded so
 * the test can end any that is left by its PID.
 */
final class TrayDesktop implements AutoCloseable {

    private static final Pattern TRAY_ICON = Pattern.compile("\"JavaEmbeddedFrame\".*\\s(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+"
            + "\\s+\\+(-?\\d+)\\+(-?\\d+)");

    final String display;
    private final Process xvfb;
    private final Process trayer;
    private final List<ProcessHandle> started = new ArrayList<>();

    private TrayDesktop(String display, Process xvfb, Process trayer) {
        this.display = display;
        this.xvfb = xvfb;
        this.trayer = trayer;
    }

    /** Starts Xvfb and trayer; skips loudly outside CI when either is missing, fails in CI. */
    static TrayDesktop start() throws IOException {
        Requirements.linux();
        String xvfbCommand = Requirements.command("Xvfb").toString();
        String trayerCommand = Requirements.command("trayer").toString();
        int number = freeDisplay();
        String display = ":" + number;
        Process xvfb = new ProcessBuilder(xvfbCommand, display, "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await("Xvfb on " + display).atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + number)));
            ProcessBuilder tray = new ProcessBuilder(trayerCommand, "--edge", "top", "--align", "right")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            tray.environment().put("DISPLAY", display);
            TrayDesktop desktop = new TrayDesktop(display, xvfb, tray.start());
            await("trayer's panel on " + display).atMost(Duration.ofSeconds(30))
                    .until(() -> desktop.windowTree().contains("\"panel\""));
            return desktop;
        } catch (RuntimeException | IOException e) {
            xvfb.destroy();
            throw e;
        }
    }

    private static int freeDisplay() {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int number = 200 + random.nextInt(700);
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + number)) && !Files.exists(Path.of("/tmp/.X" + number
                    + "-lock"))) {
                return number;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    /**
     * Starts a JVM on this display with the test's class path, as desktop/launch.conf's environment would (GDK_GL
     * off), info logging for OpenHaven (the processes' logs are what the test reads), and software rendering.
     */
    Process java(Map<String, String> env, Path stderr, String mainClass, String... args) throws IOException {
        return javaWithOptions(env, stderr, List.of(), mainClass, args);
    }

    /** The same, with extra JVM options. */
    Process javaWithOptions(Map<String, String> env, Path stderr, List<String> options, String mainClass,
                            String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-Dprism.order=sw", "-Dorg.slf4j.simpleLogger.log.org.openhaven=info",
                "-Djava.util.prefs.userRoot=" + env.get("PREFS")));
        argv.addAll(options);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        builder.environment().remove("PREFS");
        builder.environment().put("DISPLAY", display);
        builder.environment().put("GDK_GL", "disable");
        Process process = builder.start();
        track(process.toHandle());
        return process;
    }

    /** Records a process the code under test started, so it is ended even when the test fails. */
    void track(ProcessHandle process) {
        started.add(process);
    }

    /** Opens the tray icon's menu with a right click and chooses its last entry (Quit) with the keyboard. */
    void chooseLastTrayMenuEntry() throws IOException {
        Matcher icon = TRAY_ICON.matcher(windowTree());
        if (!icon.find()) {
            throw new IllegalStateException("no tray icon on " + display);
        }
        int x = Integer.parseInt(icon.group(3)) + Integer.parseInt(icon.group(1)) / 2;
        int y = Integer.parseInt(icon.group(4)) + Integer.parseInt(icon.group(2)) / 2;
        xdotool("mousemove", Integer.toString(x), Integer.toString(y), "click", "3");
        await("the tray menu").atMost(Duration.ofSeconds(30))
                .until(() -> windowTree().contains("XPopupMenuPeer"));
        xdotool("key", "Up");
        xdotool("key", "Return");
    }

    private void xdotool(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Requirements.command("xdotool").toString()));
        argv.addAll(List.of(args));
        run(argv);
    }

    String windowTree() throws IOException {
        return run(List.of(Requirements.command("xwininfo").toString(), "-root", "-tree"));
    }

    private String run(List<String> argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        trayer.destroy();
        xvfb.destroy();
    }
}
