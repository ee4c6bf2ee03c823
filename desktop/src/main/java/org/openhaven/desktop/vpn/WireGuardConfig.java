package org.openhaven.desktop.vpn;

import java.util.List;
import org.openhaven.engine.secrets.Secret;

/**
 * A wg-quick configuration for one end of a tunnel, rendered in the format {@code wg-quick}, NetworkManager
 * and the WireGuard apps all import. The private key is a {@link Secret}; {@link #render()} is the one place it
 * is written out, for the file handed to WireGuard.
 *
 * @param listenPort null for a client that only dials out
 * @param dns        null to leave the system resolver alone
 */
public record WireGuardConfig(Secret privateKey, String address, Integer listenPort, String dns, List<Peer> peers) {

    public WireGuardConfig {
        peers = List.copyOf(peers);
    }

    /**
     * The other end.
     *
     * @param endpoint            host:port to dial; null when the other end dials us
     * @param persistentKeepalive seconds; keeps NAT mappings open for a client behind a router, null for none
     */
    public record Peer(String publicKey, String endpoint, String allowedIps, Integer persistentKeepalive) {
    }

    /** The file's text, sections and keys in the order wg-quick documents them. */
    public String render() {
        StringBuilder out = new StringBuilder("[Interface]\n");
        out.append("PrivateKey = ").append(privateKey.reveal()).append('\n');
        out.append("Address = ").append(address).append('\n');
        if (listenPort != null) {
            out.append("ListenPort = ").append(listenPort).append('\n');
        }
        if (dns != null) {
            out.append("DNS = ").append(dns).append('\n');
        }
        for (Peer peer : peers) {
            out.append("\n[Peer]\n");
            out.append("PublicKey = ").append(peer.publicKey()).append('\n');
            if (peer.endpoint() != null) {
                out.append("Endpoint = ").append(peer.endpoint()).append('\n');
            }
            out.append("AllowedIPs = ").append(peer.allowedIps()).append('\n');
            if (peer.persistentKeepalive() != null) {
                out.append("PersistentKeepalive = ").append(peer.persistentKeepalive()).append('\n');
            }
        }
        return out.toString();
    }

    /** The rendered file as a secret, the form the VPN controller and QR codes take it in. */
    public Secret renderSecret() {
        return Secret.of(render());
    }

    @Override
    public String toString() {
        return "WireGuardConfig[address=" + address + ", peers=" + peers.size() + "]";
    }
}
