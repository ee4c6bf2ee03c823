package org.openhaven.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-trusting a server's host key in the havens' records: every haven whose state pinned a key for that address
 * gets the new one, under its lock, so the {@code server} section and {@code known_hosts} agree again.
 */
public final class TrustedHostKeys {

    private TrustedHostKeys() {
    }

    /**
     * Records {@code fingerprint} for {@code host:port} in each haven of {@code store} whose state has a key for
     * that address; returns the names of the havens it changed (none when no haven recorded the address).
     */
    public static List<String> retrust(HavenStore store, String host, int port, String fingerprint, Instant now) {
        List<String> changed = new ArrayList<>();
        for (String name : store.list()) {
            HavenDirectory dir = store.haven(name);
            StateFile state = new StateFile(dir.stateFile(), name);
            if (state.read().hostKeyOf(host, port).isEmpty()) {
                continue;
            }
            try (HavenLock lock = HavenLock.acquire(dir.lockFile(), "openhaven trust-host", now)) {
                state.update(s -> s.withServer(new ServerHostKey(host, port, fingerprint, now)));
            }
            changed.add(name);
        }
        return changed;
    }
}
