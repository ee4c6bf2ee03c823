package org.openhaven.desktop.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.desktop.vpn.VpnState;
import org.openhaven.engine.backup.BackupHealth;

class TrayMenuModelTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final List<String> calls = new ArrayList<>();
    private final TrayActions actions = new TrayActions() {
        @Override
        public void openDashboard() {
            calls.add("dashboard");
        }

        @Override
        public void openUrl(String url) {
            calls.add("open " + url);
        }

        @Override
        public void setVpn(boolean on) {
            calls.add("vpn " + on);
        }

        @Override
        public void quit() {
            calls.add("quit");
        }
    };

    private static HavenStatus status(ServiceHealth.State gitea, boolean deploying) {
        return new HavenStatus("h", List.of(
                new ServiceHealth("nextcloud", "Nextcloud", "https://nextcloud.example.org", ServiceHealth.State.UP, null),
                new ServiceHealth("gitea", "Gitea", "https://gitea.example.org", gitea, null)),
                NOW.minusSeconds(3 * 3600), deploying);
    }

    @Test
    void backupLineSaysWhenTheLastRunFailedOrTheServerDidNotAnswer() {
        List<ServiceHealth> none = List.of();
        assertThat(TrayMenuModel.backupLine(new HavenStatus("h", none, NOW.minusSeconds(3 * 3600), false,
                BackupHealth.FAILED, "restic backup failed", ""), NOW)).isEqualTo("Last backup failed");
        assertThat(TrayMenuModel.backupLine(new HavenStatus("h", none, null, false, null, "", "Could not connect."),
                NOW)).isEqualTo("Backup: server not reachable");
        assertThat(TrayMenuModel.backupLine(new HavenStatus("h", none, null, false, BackupHealth.NOT_YET_RUN, "", ""),
                NOW)).isEqualTo("No backup yet");
    }

    @Test
    void statusLineNamesTheSelectedHavenByItsDomain() {
        TrayMenu menu = TrayMenuModel.build(status(ServiceHealth.State.UP, false), "home.example.org",
                VpnState.DISCONNECTED, NOW, actions);

        assertThat(menu.item("status").label()).isEqualTo("home.example.org: All services are running");
        assertThat(menu.tooltip()).isEqualTo("OpenHaven — home.example.org: All services are running");
        assertThat(TrayMenuModel.build(status(ServiceHealth.State.DOWN, false), "family.example.org",
                VpnState.DISCONNECTED, NOW, actions).item("status").label())
                .isEqualTo("family.example.org: A service is down");
    }

    @Test
    void menuShowsStatusVpnSyncBackupAndOneEntryPerService() {
        TrayMenu menu = TrayMenuModel.build(status(ServiceHealth.State.UP, false), VpnState.DISCONNECTED, NOW, actions);

        assertThat(menu.status()).isEqualTo(TrayStatus.OK);
        assertThat(menu.items()).filteredOn(i -> !i.isSeparator()).extracting(TrayMenu.Item::label).containsExactly(
                "All services are running", "VPN off", "Sync: files in sync", "Last backup: 3 hours ago",
                "Open dashboard", "Open Nextcloud", "Open Gitea", "Quit OpenHaven");
        assertThat(menu.tooltip()).isEqualTo("OpenHaven — All services are running");
    }

    @Test
    void menuActionsReachTheApp() {
        TrayMenu menu = TrayMenuModel.build(status(ServiceHealth.State.UP, false), VpnState.DISCONNECTED, NOW, actions);
        menu.item("vpn").action().run();
        menu.item("dashboard").action().run();
        menu.item("open:gitea").action().run();
        menu.item("quit").action().run();
        assertThat(calls).containsExactly("vpn true", "dashboard", "open https://gitea.example.org", "quit");
    }

    @Test
    void vpnToggleReflectsTheRealStateAndTurnsItOff() {
        TrayMenu menu = TrayMenuModel.build(status(ServiceHealth.State.UP, false), VpnState.CONNECTED, NOW, actions);
        assertThat(menu.item("vpn").checked()).isTrue();
        menu.item("vpn").action().run();
        assertThat(calls).containsExactly("vpn false");
        assertThat(TrayMenuModel.build(null, VpnState.NOT_INSTALLED, NOW, actions).item("vpn").enabled()).isFalse();
    }

    @Test
    void iconStateFollowsTheWorstServiceAndDeployingWins() {
        assertThat(TrayMenuModel.build(status(ServiceHealth.State.DEGRADED, false), VpnState.CONNECTED, NOW, actions)
                .status()).isEqualTo(TrayStatus.DEGRADED);
        assertThat(TrayStatus.of(status(ServiceHealth.State.DOWN, false))).isEqualTo(TrayStatus.DOWN);
        assertThat(TrayStatus.of(status(ServiceHealth.State.DOWN, true))).isEqualTo(TrayStatus.DEPLOYING);
        assertThat(TrayStatus.of(null)).isEqualTo(TrayStatus.UNKNOWN);
    }
}
