package org.openhaven.desktop.vpn;

/** This computer's VPN connection as the OS reports it (never a remembered flag). */
public enum VpnState {
    CONNECTED, DISCONNECTED, NOT_IMPORTED, NOT_INSTALLED, UNKNOWN
}
