package org.openhaven.engine.spec;

import java.util.List;

/** The WireGuard peers (phones, laptops) that get a VPN configuration. */
public record VpnSpec(List<Peer> peers) {

    public static final VpnSpec NONE = new VpnSpec(List.of());

    public VpnSpec {
        peers = List.copyOf(peers);
    }

    /** One device; its name is a short slug such as {@code phone} or {@code laptop}. */
    public record Peer(String name) {
    }
}
