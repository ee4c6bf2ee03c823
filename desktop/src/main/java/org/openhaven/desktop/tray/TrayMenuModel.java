package org.openhaven.desktop.tray;

import java.time.Instant;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.desktop.ui.Formats;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.vpn.VpnState;
import org.openhaven.engine.backup.BackupHealth;

/** Builds the tray menu from the haven's status and the real VPN state. Pure. */
public final class TrayMenuModel {

    private TrayMenuModel() {
    }

    public static TrayMenu build(HavenStatus status, VpnState vpn, Instant now, TrayActions actions) {
        return build(status, "", vpn, now, actions);
    }

    /**
     * @param havenLabel the haven the status is of ("home.example.org"), named in the status line when not empty,
     *                   since a user with several havens must see which one the tray speaks of
     */
    public static TrayMenu build(HavenStatus status, String havenLabel, VpnState vpn, Instant now,
                                 TrayActions actions) {
        TrayStatus overall = TrayStatus.of(status);
        String state = Messages.get("tray.status." + overall.name().toLowerCase(java.util.Locale.ROOT));
        String statusLine = havenLabel.isEmpty() ? state : Messages.get("tray.status.ofHaven", havenLabel, state);
        TrayMenu.Builder menu = new TrayMenu.Builder()
                .add(TrayMenu.Item.line("status", statusLine))
                .add(TrayMenu.Item.separator())
                .add(TrayMenu.Item.toggle("vpn", Messages.get("tray.vpn." + vpn.name().toLowerCase(java.util.Locale.ROOT)),
                        vpn == VpnState.CONNECTED, vpn != VpnState.NOT_INSTALLED && vpn != VpnState.UNKNOWN,
                        () -> actions.setVpn(vpn != VpnState.CONNECTED)))
                .add(TrayMenu.Item.line("sync", Messages.get("tray.sync", syncState(status))))
                .add(TrayMenu.Item.line("backup", backupLine(status, now)))
                .add(TrayMenu.Item.separator())
                .add(TrayMenu.Item.action("dashboard", Messages.get("tray.dashboard"), actions::openDashboard));
        if (status != null) {
            // only services with a page to open (the mail server has none)
            for (ServiceHealth service : status.services().stream().filter(h -> h.url() != null).toList()) {
                menu.add(TrayMenu.Item.action("open:" + service.id(), Messages.get("tray.open", service.name()),
                        () -> actions.openUrl(service.url())));
            }
        }
        menu.add(TrayMenu.Item.separator()).add(TrayMenu.Item.action("quit", Messages.get("tray.quit"), actions::quit));
        String tooltip = Messages.get("app.name") + " — " + statusLine;
        return new TrayMenu(tooltip, overall, menu.items());
    }

    private static String syncState(HavenStatus status) {
        if (status == null) {
            return Messages.get("tray.sync.unknown");
        }
        return status.services().stream().filter(s -> s.id().equals("nextcloud")).findFirst()
                .map(s -> Messages.get("tray.sync." + (s.state() == ServiceHealth.State.UP ? "ok" : "problem")))
                .orElse(Messages.get("tray.sync.none"));
    }

    /** The tray's backup line: a failed last run or an unreachable server outranks the last success's age. */
    static String backupLine(HavenStatus status, Instant now) {
        if (status == null) {
            return Messages.get("tray.backup.never");
        }
        if (status.backupHealth() == BackupHealth.FAILED) {
            return Messages.get("tray.backup.failed");
        }
        if (status.backupHealth() == null && !status.serverProblem().isEmpty()) {
            return Messages.get("tray.backup.unknown");
        }
        return status.lastBackup() == null ? Messages.get("tray.backup.never")
                : Messages.get("tray.backup", Formats.age(status.lastBackup(), now));
    }
}
