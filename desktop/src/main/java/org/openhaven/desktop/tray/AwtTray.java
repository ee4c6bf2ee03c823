package org.openhaven.desktop.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.Desktop;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin adapter onto AWT's {@link SystemTray}: draws a {@link TrayMenu} and shows notifications. All AWT
 * work runs on the AWT event queue; every menu action is handed to the tray's own thread, so no action blocks AWT.
 * No logic lives here, and no JavaFX: the tray process never loads it (docs/decisions/0012).
 */
public final class AwtTray implements TrayView {

    private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);

    private final TrayIcon icon;
    private final Executor actions;

    private AwtTray(TrayIcon icon, Executor actions) {
        this.icon = icon;
        this.actions = actions;
    }

    /**
     * Installs the icon, or returns empty where the desktop has no tray. Call from any thread but AWT's.
     *
     * @param actions where menu actions and the double click run
     */
    public static Optional<AwtTray> install(Runnable onDoubleClick, Executor actions) {
        if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        SystemTray tray = SystemTray.getSystemTray();
        int size = Math.max(16, tray.getTrayIconSize().height);
        TrayIcon icon = new TrayIcon(TrayIconImages.forStatus(TrayStatus.UNKNOWN, size), "OpenHaven");
        icon.setImageAutoSize(true);
        AwtTray adapter = new AwtTray(icon, actions);
        icon.addActionListener(e -> actions.execute(onDoubleClick));
        try {
            tray.add(icon);
        } catch (AWTException e) {
            LOG.info("The system tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(adapter);
    }

    @Override
    public void show(TrayMenu menu) {
        EventQueue.invokeLater(() -> {
            int size = Math.max(16, SystemTray.getSystemTray().getTrayIconSize().height);
            icon.setImage(TrayIconImages.forStatus(menu.status(), size));
            icon.setToolTip(menu.tooltip());
            PopupMenu popup = new PopupMenu();
            for (TrayMenu.Item item : menu.items()) {
                if (item.isSeparator()) {
                    popup.addSeparator();
                    continue;
                }
                MenuItem awtItem = item.checked() == null ? new MenuItem(item.label())
                        : new CheckboxMenuItem(item.label(), item.checked());
                awtItem.setEnabled(item.enabled());
                if (item.action() != null) {
                    Runnable action = item.action();
                    if (awtItem instanceof CheckboxMenuItem box) {
                        box.addItemListener(e -> actions.execute(action));
                    } else {
                        awtItem.addActionListener(e -> actions.execute(action));
                    }
                }
                popup.add(awtItem);
            }
            icon.setPopupMenu(popup);
        });
    }

    @Override
    public void notify(Notification notification) {
        TrayIcon.MessageType type = switch (notification.level()) {
            case INFO -> TrayIcon.MessageType.INFO;
            case WARNING -> TrayIcon.MessageType.WARNING;
            case ERROR -> TrayIcon.MessageType.ERROR;
        };
        EventQueue.invokeLater(() -> icon.displayMessage(notification.title(), notification.text(), type));
    }

    public void remove() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    /** Opens a service's page in the default browser: AWT's desktop integration, else xdg-open. */
    public static void browse(String url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            } else {
                new ProcessBuilder("xdg-open", url).redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("Could not open {} in a browser: {}", url, e.getMessage());
        }
    }
}
