package org.openhaven.engine.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value. {@link #toString()} never reveals it, so a secret that slips into a log line, an
 * exception message or a string concatenation shows as {@code [REDACTED]}. Reading the value is a
 * deliberate act: {@link #reveal()}.
 */
public final class Secret {

    private static final String REDACTED = "[REDACTED]";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret value itself. Call only where the value must leave the process (vault, .env, an API call). */
    public String reveal() {
        return value;
    }

    public byte[] revealBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    /** Constant-time comparison, so equality checks do not leak the value through timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s
                && MessageDigest.isEqual(revealBytes(), s.revealBytes());
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative; secrets are not meant to be hash keys
    }
}
