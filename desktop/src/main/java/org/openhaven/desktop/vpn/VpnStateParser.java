package org.openhaven.desktop.vpn;

import java.util.Arrays;

/** Reads the tunnel's real state from what nmcli, wg and sc print. Pure. */
public final class VpnStateParser {

    private VpnStateParser() {
    }

    /** From {@code nmcli -t -f NAME,TYPE,STATE connection show --active} and the list of known connections. */
    public static VpnState fromNmcli(String activeOutput, String knownOutput, String tunnel) {
        boolean active = lines(activeOutput).anyMatch(l -> l.startsWith(tunnel + ":wireguard:activated"));
        if (active) {
            return VpnState.CONNECTED;
        }
        boolean known = lines(knownOutput).anyMatch(l -> l.equals(tunnel + ":wireguard"));
        return known ? VpnState.DISCONNECTED : VpnState.NOT_IMPORTED;
    }

    /** From {@code wg show interfaces}: interface names separated by spaces or newlines. */
    public static VpnState fromWgInterfaces(String output, String tunnel) {
        return Arrays.asList(output.trim().split("\\s+")).contains(tunnel) ? VpnState.CONNECTED
                : VpnState.DISCONNECTED;
    }

    /** From {@code sc query WireGuardTunnel$<name>}; a missing service means not imported. */
    public static VpnState fromWindowsService(int exitCode, String output) {
        if (exitCode != 0) {
            return VpnState.NOT_IMPORTED;
        }
        return output.contains("RUNNING") ? VpnState.CONNECTED : VpnState.DISCONNECTED;
    }

    private static java.util.stream.Stream<String> lines(String output) {
        return output.lines().map(String::trim);
    }
}
