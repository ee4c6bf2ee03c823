package org.openhaven.desktop.vpn;

/** Which of the OS's WireGuard front ends imports and switches the tunnel. */
public enum VpnBackend {
    /** Linux with NetworkManager: no root needed, shows in the desktop's network menu. */
    NETWORK_MANAGER,
    /** Linux without NetworkManager: wg-quick, elevated through pkexec (a polkit password prompt). */
    WG_QUICK,
    /** The official WireGuard for Windows app's command line (installs the tunnel as a service). */
    WINDOWS_APP,
    /** macOS: wg-quick from Homebrew's wireguard-tools, elevated through an administrator prompt. */
    MACOS_WG_QUICK
}
