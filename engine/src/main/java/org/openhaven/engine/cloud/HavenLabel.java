package org.openhaven.engine.cloud;

/**
 * The ownership label put on everything a haven creates, so {@code destroy} finds it even without local state
 * and tests can count orphans. Providers render it in their own form: Hetzner/DO labels or tags, EC2 tags.
 */
public record HavenLabel(String havenId) {

    public static final String KEY = "openhaven";

    /** {@code openhaven=<haven>}, the selector form used by Hetzner's label_selector. */
    public String selector() {
        return KEY + "=" + havenId;
    }

    /** {@code openhaven:<haven>}, for providers whose tags are plain strings (DigitalOcean). */
    public String tag() {
        return KEY + ":" + havenId;
    }
}
