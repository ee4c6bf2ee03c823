package org.openhaven.desktop.icons;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import org.openhaven.desktop.tray.TrayStatus;

/**
 * The app's icon resources, rendered from the SVG masters in {@code icons/} by {@code icons/render.sh}: window
 * icons in every size window managers pick from, and the tray icon per {@link TrayStatus}, in colour or as a
 * macOS menu-bar template (black and alpha only, tinted by the system). Plain URLs, so both JavaFX
 * ({@code new Image(url.toExternalForm())}) and AWT ({@code Toolkit.getImage(url)}) can load them.
 */
public final class AppIcons {

    /** Window icon sizes, smallest first. */
    public static final List<Integer> WINDOW_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    /** Tray icon sizes, smallest first: 16 (Windows), 22 (Linux panels, macOS menu bar), 32 and 64 (HiDPI). */
    public static final List<Integer> TRAY_SIZES = List.of(16, 22, 32, 64);

    private static final String ROOT = "/org/openhaven/desktop/icons/";

    private AppIcons() {
    }

    /** Every window icon, smallest first, for {@code stage.getIcons()}. */
    public static List<URL> windowIcons() {
        return WINDOW_SIZES.stream().map(size -> resource("openhaven-" + size + ".png")).toList();
    }

    /**
     * The tray icon for a status at the smallest rendered size not below {@code size} (the largest when none is),
     * so the system scales down, never up.
     *
     * @param template true for the macOS menu-bar template variant
     */
    public static URL trayIcon(TrayStatus status, int size, boolean template) {
        String state = status.name().toLowerCase(Locale.ROOT);
        return resource("tray-" + state + (template ? "-template-" : "-") + traySize(size) + ".png");
    }

    /** The rendered tray size used for a requested size. */
    static int traySize(int requested) {
        return TRAY_SIZES.stream().filter(size -> size >= requested).findFirst()
                .orElse(TRAY_SIZES.get(TRAY_SIZES.size() - 1));
    }

    private static URL resource(String name) {
        URL url = AppIcons.class.getResource(ROOT + name);
        if (url == null) {
            // A packaging mistake, not a user error: the icons are committed and packaged with the app.
            throw new IllegalStateException("icon resource missing: " + ROOT + name + " (run icons/render.sh)");
        }
        return url;
    }
}
