package org.openhaven.desktop.engine;

import org.openhaven.engine.secrets.Secret;

/**
 * A WireGuard peer (a phone, a laptop) with its client configuration. The configuration holds the peer's
 * private key, hence a {@link Secret}: it is revealed only to draw a QR code or to import it into this
 * computer's WireGuard.
 */
public record VpnPeer(String name, String address, Secret clientConfig) {
}
