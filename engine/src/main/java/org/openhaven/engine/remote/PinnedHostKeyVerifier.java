package org.openhaven.engine.remote;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts exactly one host key: the pinned fingerprint. With no pin yet (first contact with a server the haven
 * just created) it accepts the key it is shown and remembers its fingerprint, so the caller can store it in the
 * haven's state and show it to the user; every later connection passes that pin and a different key is refused.
 */
final class PinnedHostKeyVerifier implements HostKeyVerifier {

    private final String pinned;
    private volatile String presented;

    /** @param pinned the expected {@code SHA256:…} fingerprint, or null on first contact */
    PinnedHostKeyVerifier(String pinned) {
        this.pinned = pinned;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = HostKeyFingerprint.of(key);
        return pinned == null || pinned.equals(presented);
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    /** The fingerprint the server presented, or null when the handshake never got that far. */
    String presented() {
        return presented;
    }

    /** Whether the server presented a key other than the pinned one. */
    boolean mismatched() {
        return pinned != null && presented != null && !pinned.equals(presented);
    }

    String pinned() {
        return pinned;
    }
}
