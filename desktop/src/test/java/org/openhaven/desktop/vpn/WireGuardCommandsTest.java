package org.openhaven.desktop.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WireGuardCommandsTest {

    private static final Path CONF = Path.of("/home/ada/.config/openhaven/wireguard/openhaven.conf");

    @Test
    void networkManagerCommandsAreExact() {
        assertThat(String.join(" ", WireGuardCommands.nmcliImport(CONF))).isEqualTo(
                "nmcli connection import type wireguard file /home/ada/.config/openhaven/wireguard/openhaven.conf");
        assertThat(String.join(" ", WireGuardCommands.nmcliUp("openhaven"))).isEqualTo("nmcli connection up id openhaven");
        assertThat(String.join(" ", WireGuardCommands.nmcliDown("openhaven")))
                .isEqualTo("nmcli connection down id openhaven");
        assertThat(String.join(" ", WireGuardCommands.nmcliActive()))
                .isEqualTo("nmcli -t -f NAME,TYPE,STATE connection show --active");
    }

    @Test
    void wgQuickFallbackGoesThroughPkexec() {
        assertThat(WireGuardCommands.wgQuickUp(CONF)).containsExactly("pkexec", "wg-quick", "up", CONF.toString());
        assertThat(WireGuardCommands.wgQuickDown(CONF)).containsExactly("pkexec", "wg-quick", "down", CONF.toString());
        assertThat(WireGuardCommands.wgShowInterfaces()).containsExactly("wg", "show", "interfaces");
    }

    @Test
    void windowsUsesTheOfficialAppsTunnelService() {
        Path exe = Path.of("C:\\Program Files\\WireGuard\\wireguard.exe");
        Path conf = Path.of("C:\\Users\\ada\\AppData\\openhaven.conf");
        assertThat(WireGuardCommands.windowsInstall(exe, conf)).containsExactly(exe.toString(),
                "/installtunnelservice", conf.toString());
        assertThat(WireGuardCommands.windowsUninstall(exe, "openhaven")).containsExactly(exe.toString(),
                "/uninstalltunnelservice", "openhaven");
        assertThat(WireGuardCommands.windowsQuery("openhaven")).containsExactly("sc", "query",
                "WireGuardTunnel$openhaven");
    }

    @Test
    void macOsQuotesThePathInsideTheAdministratorPrompt() {
        assertThat(WireGuardCommands.macWgQuick("up", Path.of("/Users/ada/My \"VPN\"/it's.conf")))
                .containsExactly("osascript", "-e",
                        "do shell script \"wg-quick up '/Users/ada/My \\\"VPN\\\"/it'\\\\''s.conf'\" "
                                + "with administrator privileges");
    }

    @Test
    void installHintNamesThePackagePerOs() {
        assertThat(WireGuardCommands.installHint("Linux")).contains("sudo apt install wireguard-tools");
        assertThat(WireGuardCommands.installHint("Mac OS X")).contains("brew install wireguard-tools");
        assertThat(WireGuardCommands.installHint("Windows 11")).contains("https://www.wireguard.com/install/");
    }

    @Test
    void stateIsReadFromWhatTheOsPrints() {
        assertThat(VpnStateParser.fromNmcli("Wired:802-3-ethernet:activated\nopenhaven:wireguard:activated\n",
                "openhaven:wireguard\n", "openhaven")).isEqualTo(VpnState.CONNECTED);
        assertThat(VpnStateParser.fromNmcli("Wired:802-3-ethernet:activated\n", "Wired:802-3-ethernet\n"
                + "openhaven:wireguard\n", "openhaven")).isEqualTo(VpnState.DISCONNECTED);
        assertThat(VpnStateParser.fromNmcli("", "Wired:802-3-ethernet\n", "openhaven"))
                .isEqualTo(VpnState.NOT_IMPORTED);
        assertThat(VpnStateParser.fromWgInterfaces("wg0 openhaven\n", "openhaven")).isEqualTo(VpnState.CONNECTED);
        assertThat(VpnStateParser.fromWgInterfaces("openhaven2\n", "openhaven")).isEqualTo(VpnState.DISCONNECTED);
        assertThat(VpnStateParser.fromWindowsService(0, "STATE              : 4  RUNNING"))
                .isEqualTo(VpnState.CONNECTED);
        assertThat(VpnStateParser.fromWindowsService(1060, "")).isEqualTo(VpnState.NOT_IMPORTED);
    }
}
