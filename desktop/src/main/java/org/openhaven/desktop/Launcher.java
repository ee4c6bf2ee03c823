package org.openhaven.desktop;

import java.io.PrintWriter;
import java.util.Locale;
import org.openhaven.engine.cli.OpenHavenCli;

/**
 * The one entry point of the product. With arguments it is the headless CLI; with none it opens the desktop
 * app. Deliberately not a JavaFX {@code Application}: launching one from the classpath fails with "JavaFX
 * runtime components are missing", so JavaFX is only touched once we know a display exists.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(OpenHavenCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        if (!DisplayCheck.hasDisplay(System.getenv(), System.getProperty("os.name", ""))) {
            System.err.println(DisplayCheck.NO_DISPLAY_MESSAGE);
            System.exit(OpenHavenCli.USAGE);
        }
        DesktopApp.launchApp(args);
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
