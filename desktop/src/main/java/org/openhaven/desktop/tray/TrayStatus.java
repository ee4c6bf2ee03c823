package org.openhaven.desktop.tray;

import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;

/** What the tray icon shows at a glance. */
public enum TrayStatus {
    OK, DEGRADED, DOWN, DEPLOYING, UNKNOWN;

    /** Deploying wins; then any service down; then any degraded; unknown when there is nothing to judge. */
    public static TrayStatus of(HavenStatus status) {
        if (status == null) {
            return UNKNOWN;
        }
        if (status.deploying()) {
            return DEPLOYING;
        }
        if (status.services().isEmpty()) {
            return UNKNOWN;
        }
        if (status.services().stream().anyMatch(s -> s.state() == ServiceHealth.State.DOWN)) {
            return DOWN;
        }
        if (status.services().stream().anyMatch(s -> s.state() != ServiceHealth.State.UP)) {
            return DEGRADED;
        }
        return OK;
    }
}
