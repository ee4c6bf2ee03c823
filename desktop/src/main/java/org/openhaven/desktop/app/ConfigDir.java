package org.openhaven.desktop.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the desktop keeps its small files (instance lock, VPN config), per OS convention. */
public final class ConfigDir {

    private ConfigDir() {
    }

    public static Path resolve(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : home, "OpenHaven");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "OpenHaven");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "openhaven") : Path.of(home, ".config", "openhaven");
    }

    public static Path current() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }
}
