package org.openhaven.engine.cloud;

/** A place where servers can be created, e.g. {@code fsn1} "Falkenstein, DE". */
public record Region(String id, String displayName, String country) {
}
