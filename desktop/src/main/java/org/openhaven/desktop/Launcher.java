package org.openhaven.desktop;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.openhaven.desktop.app.ConfigDir;
import org.openhaven.desktop.app.SingleInstance;
import org.openhaven.desktop.companion.CompanionCommand;
import org.openhaven.desktop.companion.TrayRole;
import org.openhaven.engine.cli.OpenHavenCli;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of the product. With arguments it is the headless CLI; with none it opens the desktop
 * app. Deliberately not a JavaFX {@code Application}: launching one from the classpath fails with "JavaFX
 * runtime components are missing", so JavaFX is only touched once we know a display exists.
 *
 * <p>Two hidden arguments, checked before the CLI and never in its help, start the desktop's other roles
 * (docs/decisions/0012): {@value CompanionCommand#TRAY_ROLE}, the tray process, which never loads JavaFX; and
 * {@value CompanionCommand#WINDOW_FOR_TRAY}, a window the tray starts, talking to it over stdin and stdout.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        String role = args.length == 1 ? args[0] : "";
        boolean hiddenRole = role.equals(CompanionCommand.TRAY_ROLE) || role.equals(CompanionCommand.WINDOW_FOR_TRAY);
        if (args.length > 0 && !hiddenRole) {
            System.exit(OpenHavenCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        if (!DisplayCheck.hasDisplay(System.getenv(), System.getProperty("os.name", ""))) {
            System.err.println(DisplayCheck.NO_DISPLAY_MESSAGE);
            System.exit(OpenHavenCli.USAGE);
        }
        if (role.equals(CompanionCommand.TRAY_ROLE)) {
            TrayRole.run();
            return;
        }
        if (role.isEmpty() && handedOverToRunningTray(ConfigDir.current())) {
            System.exit(0);
        }
        if (role.equals(CompanionCommand.WINDOW_FOR_TRAY)) {
            // stdout is the pipe to the tray: nothing but protocol lines may reach it
            PrintStream pipe = System.out;
            System.setOut(System.err);
            DesktopApp.launchForTray(pipe);
        } else {
            DesktopApp.launchApp(args);
        }
        // end the JVM with the window, whatever threads remain; the tray process is not ours to end
        System.exit(0);
    }

    /**
     * When a tray runs and no window does (the user closed it earlier), the tray opens one, already unlocked, and
     * this launch ends without loading JavaFX, so the passphrase is not asked a second time.
     */
    private static boolean handedOverToRunningTray(Path config) {
        try {
            if (!SingleInstance.isRunning(config, SingleInstance.TRAY)
                    || SingleInstance.isRunning(config, SingleInstance.WINDOW)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        boolean delivered = SingleInstance.request(config, SingleInstance.TRAY, SingleInstance.OPEN_WINDOW);
        if (delivered) {
            LoggerFactory.getLogger(Launcher.class).info("The OpenHaven tray runs; asked it to open the window");
        }
        return delivered;
    }

    /** Decides whether a window can be shown, without loading AWT or JavaFX (both fail noisily without one). */
    static final class DisplayCheck {

        static final String NO_DISPLAY_MESSAGE =
                "OpenHaven needs a graphical display for its desktop app, and none was found; "
                        + "use the command line instead: ./openhaven --help";

        private DisplayCheck() {
        }

        static boolean hasDisplay(java.util.Map<String, String> env, String osName) {
            String os = osName.toLowerCase(Locale.ROOT);
            if (os.startsWith("windows") || os.startsWith("mac")) {
                return true;
            }
            return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }
}
