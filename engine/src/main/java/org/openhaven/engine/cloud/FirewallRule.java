package org.openhaven.engine.cloud;

/** One inbound opening in the default-deny firewall. */
public record FirewallRule(Protocol protocol, int port, String description) {

    public enum Protocol { TCP, UDP }

    public static FirewallRule tcp(int port, String description) {
        return new FirewallRule(Protocol.TCP, port, description);
    }

    public static FirewallRule udp(int port, String description) {
        return new FirewallRule(Protocol.UDP, port, description);
    }
}
