package org.openhaven.desktop.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.Optional;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin adapter onto AWT's {@link SystemTray}: draws a {@link TrayMenu} and shows notifications. All AWT
 * work runs on the AWT event queue; every menu action is handed to the FX thread. No logic lives here.
 */
public final class AwtTray {

    private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);

    private final TrayIcon icon;
    private final Runnable onDoubleClick;

    private AwtTray(TrayIcon icon, Runnable onDoubleClick) {
        this.icon = icon;
        this.onDoubleClick = onDoubleClick;
    }

    /** Installs the icon, or returns empty where the desktop has no tray. Call from any thread but AWT's. */
    public static Optional<AwtTray> install(Runnable onDoubleClick) {
        if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        SystemTray tray = SystemTray.getSystemTray();
        int size = Math.max(16, tray.getTrayIconSize().height);
        TrayIcon icon = new TrayIcon(TrayIconImages.forStatus(TrayStatus.UNKNOWN, size), "OpenHaven");
        icon.setImageAutoSize(true);
        AwtTray adapter = new AwtTray(icon, onDoubleClick);
        icon.addActionListener(e -> Platform.runLater(adapter.onDoubleClick));
        try {
            tray.add(icon);
        } catch (AWTException e) {
            LOG.info("The system tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(adapter);
    }

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
                        box.addItemListener(e -> Platform.runLater(action));
                    } else {
                        awtItem.addActionListener(e -> Platform.runLater(action));
                    }
                }
                popup.add(awtItem);
            }
            icon.setPopupMenu(popup);
        });
    }

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
}
