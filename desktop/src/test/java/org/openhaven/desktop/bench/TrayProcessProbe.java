package org.openhaven.desktop.bench;

import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.time.Instant;
import org.openhaven.desktop.engine.EngineBackedGateway;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.tray.TrayIconImages;
import org.openhaven.desktop.tray.TrayMenu;
import org.openhaven.desktop.tray.TrayMenuModel;
import org.openhaven.desktop.tray.TrayStatus;
import org.openhaven.desktop.vpn.VpnState;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Benchmark, not a test: what a tray living in a process of its own would keep resident, the lever
 * docs/performance/desktop.md weighs against the in-process tray. Plain AWT (no JavaFX loaded): the tray icon, the
 * menu the app builds, and one status poll through the real engine gateway, then idle, then the RSS.
 * Run by scripts/bench-desktop.sh --tray-process.
 */
public final class TrayProcessProbe {

    private TrayProcessProbe() {
    }

    public static void main(String[] args) throws Exception {
        long idleSeconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        EngineGateway engine = EngineBackedGateway.builtIn();
        HavenStatus status = null;
        try {
            status = engine.status();
        } catch (OpenHavenException noHavenYet) {
            // a fresh config dir has no haven: the engine's classes for the poll are loaded all the same
        }
        TrayMenu menu = TrayMenuModel.build(status, VpnState.DISCONNECTED, Instant.now(), new NoActions());
        SystemTray tray = SystemTray.getSystemTray();
        int size = Math.max(16, tray.getTrayIconSize().height);
        PopupMenu popup = new PopupMenu();
        menu.items().stream().filter(i -> !i.isSeparator()).forEach(i -> popup.add(new MenuItem(i.label())));
        tray.add(new TrayIcon(TrayIconImages.forStatus(TrayStatus.UNKNOWN, size), menu.tooltip(), popup));
        System.gc();
        Thread.sleep(idleSeconds * 1000);
        System.out.printf("tray-process-rss-after-%ds-mib=%.1f%n", idleSeconds, ProcessMemory.rssMib());
        System.exit(0);
    }

    private static final class NoActions implements org.openhaven.desktop.tray.TrayActions {

        @Override
        public void openDashboard() {
        }

        @Override
        public void openUrl(String url) {
        }

        @Override
        public void setVpn(boolean on) {
        }

        @Override
        public void quit() {
        }
    }
}
