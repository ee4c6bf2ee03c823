package org.openhaven.desktop.tray;

import java.awt.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.openhaven.desktop.icons.AppIcons;

/**
 * The tray icon for a status, loaded once from the committed icon set (rendered from the SVG masters), at the
 * smallest size not below what the tray asks for, so the system scales down, never up.
 */
public final class TrayIconImages {

    private static final Map<URL, Image> LOADED = new ConcurrentHashMap<>();

    private TrayIconImages() {
    }

    public static Image forStatus(TrayStatus status, int size) {
        return LOADED.computeIfAbsent(AppIcons.trayIcon(status, size, false), TrayIconImages::read);
    }

    private static Image read(URL url) {
        try {
            return ImageIO.read(url);
        } catch (IOException e) {
            // the icons are packaged with the app: failing to read one is a broken build, not a user error
            throw new UncheckedIOException("could not read tray icon " + url, e);
        }
    }
}
