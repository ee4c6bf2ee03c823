package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.VpnSpec;

/**
 * The VPN's keys and addresses: the server key and one key pair plus pre-shared key per peer, all kept in the
 * vault ({@code wireguard/...}), so configurations stay the same across renders. Peers get 10.13.13.2, .3, ...
 * in spec order; the server is 10.13.13.1.
 */
final class WireGuardConfigs {

    static final String SUBNET_PREFIX = "10.13.13.";
    static final int PORT = 51820;

    private final Secret serverPrivateKey;
    private final List<PeerKeys> peers = new ArrayList<>();

    record PeerKeys(String name, String address, Secret privateKey, String publicKey, Secret presharedKey) {
    }

    WireGuardConfigs(VpnSpec vpn, SecretStore store, SecretGenerators generators) {
        this.serverPrivateKey = store.getOrCreate("wireguard/server-private-key", () -> generators.wireGuard().privateKey());
        List<VpnSpec.Peer> specPeers = vpn == null ? List.of() : vpn.peers();
        for (int i = 0; i < specPeers.size(); i++) {
            String name = specPeers.get(i).name();
            Secret privateKey = store.getOrCreate("wireguard/peers/" + name + "/private-key",
                    () -> generators.wireGuard().privateKey());
            Secret psk = store.getOrCreate("wireguard/peers/" + name + "/preshared-key", generators::wireGuardPresharedKey);
            peers.add(new PeerKeys(name, SUBNET_PREFIX + (i + 2), privateKey, publicKey(privateKey), psk));
        }
    }

    /** The public half of a WireGuard private key, as {@code wg pubkey} prints it. */
    static String publicKey(Secret privateKey) {
        byte[] raw = Base64.getDecoder().decode(privateKey.reveal());
        return Base64.getEncoder().encodeToString(new X25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded());
    }

    /** The model the server's wg0.conf template sees ({@code vpn.*}). */
    Map<String, Object> templateModel() {
        List<Map<String, String>> peerModels = new ArrayList<>();
        for (PeerKeys peer : peers) {
            peerModels.add(Map.of("name", peer.name(), "publicKey", peer.publicKey(),
                    "presharedKey", peer.presharedKey().reveal(), "address", peer.address()));
        }
        return Map.of("serverAddress", SUBNET_PREFIX + "1/24", "serverPrivateKey", serverPrivateKey.reveal(),
                "serverPublicKey", publicKey(serverPrivateKey), "peers", peerModels);
    }

    /** One wg-quick configuration per peer, by file name, for the desktop and its QR codes. Never uploaded. */
    SortedMap<String, String> clientConfigs(String endpointHost) {
        SortedMap<String, String> configs = new TreeMap<>();
        for (PeerKeys peer : peers) {
            configs.put("wireguard/" + peer.name() + ".conf", "[Interface]\n"
                    + "PrivateKey = " + peer.privateKey().reveal() + "\n"
                    + "Address = " + peer.address() + "/32\n"
                    + "DNS = 1.1.1.1, 9.9.9.9\n"
                    + "\n[Peer]\n"
                    + "PublicKey = " + publicKey(serverPrivateKey) + "\n"
                    + "PresharedKey = " + peer.presharedKey().reveal() + "\n"
                    + "Endpoint = " + endpointHost + ":" + PORT + "\n"
                    + "AllowedIPs = 0.0.0.0/0, ::/0\n"
                    + "PersistentKeepalive = 25\n");
        }
        return configs;
    }

    /** Every secret value the configurations contain, to mark files holding them as readable by root only. */
    List<String> secretValues() {
        List<String> values = new ArrayList<>(List.of(serverPrivateKey.reveal()));
        peers.forEach(p -> {
            values.add(p.privateKey().reveal());
            values.add(p.presharedKey().reveal());
        });
        return values;
    }
}
