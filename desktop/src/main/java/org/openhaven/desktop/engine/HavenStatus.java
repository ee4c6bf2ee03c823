package org.openhaven.desktop.engine;

import java.time.Instant;
import java.util.List;

/**
 * The haven's state at one moment.
 *
 * @param lastBackup null when no backup has run yet
 */
public record HavenStatus(String havenName, List<ServiceHealth> services, Instant lastBackup, boolean deploying) {

    public HavenStatus {
        services = List.copyOf(services);
    }
}
