package org.openhaven.engine.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The haven server's SSH host key as OpenHaven pinned it: the {@code server} section of {@code state.json}, shown by
 * {@code openhaven status}. A fingerprint is public, not a secret. The verifier itself reads the pins of the
 * OpenHaven home's {@code known_hosts}; this record is what the user sees and what a later connection falls back on
 * when that file has no line for the server.
 *
 * @param host        the address it was met at
 * @param port        its SSH port
 * @param fingerprint {@code SHA256:…}, as {@code ssh-keygen -lf} prints it
 * @param pinnedAt    when it was first trusted, or re-trusted with {@code openhaven trust-host}; null when the pin
 *                    was taken over from {@code known_hosts} and its time is not known
 */
public record ServerHostKey(String host, int port, String fingerprint,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Instant pinnedAt) {

    public ServerHostKey {
        Objects.requireNonNull(host);
        Objects.requireNonNull(fingerprint);
    }

    /** Whether this is the key of the server at {@code host:port}. */
    public boolean isFor(String otherHost, int otherPort) {
        return host.equals(otherHost) && port == otherPort;
    }
}
