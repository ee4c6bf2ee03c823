package org.openhaven.desktop.vpn;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The commands that import, switch and inspect this computer's tunnel, as argument lists built by pure
 * functions (tests assert their exact text; {@link VpnController} runs them). The tunnel is named after the
 * config file's base name, so the file is always {@code <tunnel>.conf}.
 */
public final class WireGuardCommands {

    /** The tunnel's name: also the interface name, so at most 15 characters. */
    public static final String TUNNEL = "openhaven";

    private WireGuardCommands() {
    }

    public static List<String> nmcliImport(Path configFile) {
        return List.of("nmcli", "connection", "import", "type", "wireguard", "file", configFile.toString());
    }

    public static List<String> nmcliUp(String tunnel) {
        return List.of("nmcli", "connection", "up", "id", tunnel);
    }

    public static List<String> nmcliDown(String tunnel) {
        return List.of("nmcli", "connection", "down", "id", tunnel);
    }

    /** Connections NetworkManager knows, active or not: {@code name:type} lines. */
    public static List<String> nmcliKnown() {
        return List.of("nmcli", "-t", "-f", "NAME,TYPE", "connection", "show");
    }

    /** Active connections: {@code name:type:state} lines. */
    public static List<String> nmcliActive() {
        return List.of("nmcli", "-t", "-f", "NAME,TYPE,STATE", "connection", "show", "--active");
    }

    public static List<String> wgQuickUp(Path configFile) {
        return List.of("pkexec", "wg-quick", "up", configFile.toString());
    }

    public static List<String> wgQuickDown(Path configFile) {
        return List.of("pkexec", "wg-quick", "down", configFile.toString());
    }

    public static List<String> wgShowInterfaces() {
        return List.of("wg", "show", "interfaces");
    }

    public static List<String> windowsInstall(Path wireguardExe, Path configFile) {
        return List.of(wireguardExe.toString(), "/installtunnelservice", configFile.toString());
    }

    public static List<String> windowsUninstall(Path wireguardExe, String tunnel) {
        return List.of(wireguardExe.toString(), "/uninstalltunnelservice", tunnel);
    }

    /** The tunnel service the Windows app installs is {@code WireGuardTunnel$<name>}. */
    public static List<String> windowsQuery(String tunnel) {
        return List.of("sc", "query", "WireGuardTunnel$" + tunnel);
    }

    /** macOS: wg-quick needs root; osascript shows the system's administrator prompt. */
    public static List<String> macWgQuick(String action, Path configFile) {
        String shell = "wg-quick " + action + " " + posixQuote(configFile.toString());
        return List.of("osascript", "-e", "do shell script \"" + shell.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\" with administrator privileges");
    }

    static String posixQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** How to install WireGuard on this OS, for the message shown when it is missing. */
    public static String installHint(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "Install WireGuard for Windows from https://www.wireguard.com/install/ and try again.";
        }
        if (os.startsWith("mac")) {
            return "Install the tools with Homebrew (brew install wireguard-tools) and try again.";
        }
        return "Install WireGuard: on Debian or Ubuntu run 'sudo apt install wireguard-tools', on Fedora "
                + "'sudo dnf install wireguard-tools'; NetworkManager 1.16+ then imports the tunnel without root.";
    }
}
