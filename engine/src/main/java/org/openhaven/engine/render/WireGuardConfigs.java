package org.openhaven.engine.render;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.VpnSpec;

/**
 * The VPN's keys and addresses: the server key and one key pair plus pre-shared key per peer, all kept in the
 * vault ({@code wireguard/...}), so configurations stay the same across renders. Peers get 10.13.13.2, .3, ...
 * in spec order; the server is 10.13.13.1.
 *
 * <p>The server runs wg-easy 14, which keeps its whole state in {@code /etc/wireguard/wg0.json} and writes
 * {@code wg0.conf} from it: {@link #wgEasyState()} renders that file from the spec's peers, so the server and the
 * client configurations of {@link #clientConfigs} agree on every key (docs/decisions/0011).
 */
final class WireGuardConfigs {

    static final String SUBNET_PREFIX = "10.13.13.";
    static final int PORT = 51820;
    /** Where the bundle carries wg-easy's state; the wireguard compose fragment mounts it read-only. */
    static final String STATE_FILE = "wireguard/wg0.json";
    /** The resolvers a client uses inside the tunnel; wg-easy puts the same into the configurations it shows. */
    static final String CLIENT_DNS = "1.1.1.1, 9.9.9.9";
    static final int PERSISTENT_KEEPALIVE = 25;

    private final Secret serverPrivateKey;
    private final List<PeerKeys> peers = new ArrayList<>();

    record PeerKeys(String name, String address, Secret privateKey, String publicKey, Secret presharedKey,
                    String createdAt) {
    }

    WireGuardConfigs(VpnSpec vpn, SecretStore store, SecretGenerators generators) {
        this.serverPrivateKey = store.getOrCreate("wireguard/server-private-key", () -> generators.wireGuard().privateKey());
        List<VpnSpec.Peer> specPeers = vpn == null ? List.of() : vpn.peers();
        for (int i = 0; i < specPeers.size(); i++) {
            String name = specPeers.get(i).name();
            Secret privateKey = store.getOrCreate("wireguard/peers/" + name + "/private-key",
                    () -> generators.wireGuard().privateKey());
            Secret psk = store.getOrCreate("wireguard/peers/" + name + "/preshared-key", generators::wireGuardPresharedKey);
            // Not secret, but kept with the keys so wg-easy shows when a device was added and renders stay equal.
            Secret created = store.getOrCreate("wireguard/peers/" + name + "/created-at",
                    () -> Secret.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
            peers.add(new PeerKeys(name, SUBNET_PREFIX + (i + 2), privateKey, publicKey(privateKey), psk,
                    created.reveal()));
        }
    }

    /** The public half of a WireGuard private key, as {@code wg pubkey} prints it. */
    static String publicKey(Secret privateKey) {
        byte[] raw = Base64.getDecoder().decode(privateKey.reveal());
        return Base64.getEncoder().encodeToString(new X25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded());
    }

    /**
     * What templates see as {@code vpn.*}: the server's public key, the peers' names, addresses and public keys.
     * Nothing secret. (The container is recreated when {@link #wgEasyState()} changes by the general
     * {@link ConfigHashLabels} label, since it mounts that file.)
     */
    Map<String, Object> templateModel() {
        List<Map<String, String>> peerModels = new ArrayList<>();
        for (PeerKeys peer : peers) {
            peerModels.add(Map.of("name", peer.name(), "publicKey", peer.publicKey(), "address", peer.address()));
        }
        return Map.of("serverAddress", SUBNET_PREFIX + "1", "serverPublicKey", publicKey(serverPrivateKey),
                "peers", peerModels);
    }

    /**
     * wg-easy 14's {@code wg0.json}: the server's keys and address, and one enabled client per spec peer under a
     * name-based UUID (stable across renders), with the vault's keys and the address the client configuration uses.
     * Addresses carry no prefix length: wg-easy adds {@code /24} for the server and {@code /32} for peers.
     */
    String wgEasyState() {
        Map<String, Object> clients = new TreeMap<>();
        for (PeerKeys peer : peers) {
            String id = clientId(peer.name());
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("id", id);
            client.put("name", peer.name());
            client.put("address", peer.address());
            client.put("privateKey", peer.privateKey().reveal());
            client.put("publicKey", peer.publicKey());
            client.put("preSharedKey", peer.presharedKey().reveal());
            client.put("createdAt", peer.createdAt());
            client.put("updatedAt", peer.createdAt());
            client.put("expiredAt", null);
            client.put("enabled", true);
            clients.put(id, client);
        }
        return CanonicalJson.write(Map.of(
                "server", Map.of("privateKey", serverPrivateKey.reveal(), "publicKey", publicKey(serverPrivateKey),
                        "address", SUBNET_PREFIX + "1"),
                "clients", clients));
    }

    /** The id wg-easy knows a spec peer by: a UUID derived from its name, so every render gives the same one. */
    static String clientId(String peerName) {
        return UUID.nameUUIDFromBytes(("openhaven-wireguard-peer:" + peerName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** One wg-quick configuration per peer, by file name, for the desktop and its QR codes. Never uploaded. */
    SortedMap<String, String> clientConfigs(String endpointHost) {
        SortedMap<String, String> configs = new TreeMap<>();
        for (PeerKeys peer : peers) {
            configs.put("wireguard/" + peer.name() + ".conf", "[Interface]\n"
                    + "PrivateKey = " + peer.privateKey().reveal() + "\n"
                    + "Address = " + peer.address() + "/32\n"
                    + "DNS = " + CLIENT_DNS + "\n"
                    + "\n[Peer]\n"
                    + "PublicKey = " + publicKey(serverPrivateKey) + "\n"
                    + "PresharedKey = " + peer.presharedKey().reveal() + "\n"
                    + "Endpoint = " + endpointHost + ":" + PORT + "\n"
                    + "AllowedIPs = 0.0.0.0/0, ::/0\n"
                    + "PersistentKeepalive = " + PERSISTENT_KEEPALIVE + "\n");
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
