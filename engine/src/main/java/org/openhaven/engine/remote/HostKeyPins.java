package org.openhaven.engine.remote;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where pinned host keys live between connections: the OpenHaven home's {@code known_hosts} in the product
 * ({@link KnownHostsFile}; each haven's state keeps a record of its server's pin besides, see docs/remote-host.md),
 * a map in tests. The first connection to an address records its fingerprint; every later one must present the
 * same key.
 */
public interface HostKeyPins {

    Optional<String> pinned(String host, int port);

    void record(String host, int port, String fingerprint);

    /** Drops the pin of a server that no longer exists, so a new server at the same address is met fresh. */
    void forget(String host, int port);

    /** Pins kept in memory only, for tests and one-shot commands. */
    static HostKeyPins inMemory() {
        Map<String, String> pins = new ConcurrentHashMap<>();
        return new HostKeyPins() {
            @Override
            public Optional<String> pinned(String host, int port) {
                return Optional.ofNullable(pins.get(host + ":" + port));
            }

            @Override
            public void record(String host, int port, String fingerprint) {
                pins.putIfAbsent(host + ":" + port, fingerprint);
            }

            @Override
            public void forget(String host, int port) {
                pins.remove(host + ":" + port);
            }
        };
    }
}
