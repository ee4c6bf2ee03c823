package org.openhaven.engine.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where OpenHaven keeps its havens: {@code OPENHAVEN_HOME} when set, else the OS's config directory
 * (Linux {@code $XDG_CONFIG_HOME/openhaven} or {@code ~/.config/openhaven}, macOS
 * {@code ~/Library/Application Support/OpenHaven}, Windows {@code %APPDATA%\OpenHaven}).
 */
public final class HavenHome {

    private HavenHome() {
    }

    /** The home directory for this process's environment. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get("OPENHAVEN_HOME");
        if (notBlank(override)) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return notBlank(appData) ? Path.of(appData, "OpenHaven")
                    : Path.of(userHome, "AppData", "Roaming", "OpenHaven");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "OpenHaven");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return notBlank(xdg) ? Path.of(xdg, "openhaven") : Path.of(userHome, ".config", "openhaven");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
