package org.openhaven.desktop.engine;

import java.time.Instant;

/**
 * One running service as the dashboard and tray see it.
 *
 * @param certificateExpiry null when unknown (not yet issued or the service has no certificate)
 */
public record ServiceHealth(String id, String name, String url, State state, Instant certificateExpiry) {

    /** The health check's verdict. */
    public enum State { UP, DEGRADED, DOWN, UNKNOWN }
}
