package org.openhaven.desktop.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads whether the OS prefers a dark theme: GNOME's color-scheme setting, macOS's AppleInterfaceStyle, or
 * Windows' AppsUseLightTheme. Unknown (no such setting, a desktop we do not know) means light.
 */
public final class ThemeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeDetector.class);

    private ThemeDetector() {
    }

    /** The command that reports the setting on this OS. */
    static List<String> query(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return List.of("defaults", "read", "-g", "AppleInterfaceStyle");
        }
        if (os.startsWith("windows")) {
            return List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                    "AppsUseLightTheme");
        }
        return List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    }

    /** Whether the query's output means dark. */
    static boolean meansDark(String osName, String output) {
        String os = osName.toLowerCase(Locale.ROOT);
        String out = output.trim();
        if (os.startsWith("mac")) {
            return out.equalsIgnoreCase("Dark");
        }
        if (os.startsWith("windows")) {
            return out.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\b.*");
        }
        return out.contains("prefer-dark");
    }

    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "");
        return run(query(os)).map(out -> meansDark(os, out)).orElse(false);
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(2, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(out)
                    : Optional.empty();
        } catch (IOException e) {
            LOG.debug("No theme setting found ({}); using light", command.get(0));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
