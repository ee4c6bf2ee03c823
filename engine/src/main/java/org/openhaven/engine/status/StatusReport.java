package org.openhaven.engine.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of a haven's server at one moment, gathered in one SSH round trip by {@link StatusGatherer}.
 *
 * @param services             one entry per compose service container
 * @param diskTotalBytes       size of the file system holding /opt/openhaven
 * @param diskFreeBytes        space left on it
 * @param memoryTotalBytes     the server's memory
 * @param memoryAvailableBytes memory available without swapping
 * @param liveRelease          the hash of the live release, empty before the first deploy
 * @param certificateExpiry    when the certificate served on port 443 for the haven's domain expires; empty
 *                             when nothing answers there
 * @param lastBackupJson       the backup engine's status file, verbatim; empty when no backup ran yet
 */
public record StatusReport(
        List<ServiceStatus> services,
        long diskTotalBytes,
        long diskFreeBytes,
        long memoryTotalBytes,
        long memoryAvailableBytes,
        String liveRelease,
        Optional<Instant> certificateExpiry,
        Optional<String> lastBackupJson) {

    public StatusReport {
        services = List.copyOf(services);
    }

    /** Whether every service runs and none reports itself unhealthy. */
    public boolean allHealthy() {
        return !services.isEmpty() && services.stream().allMatch(ServiceStatus::healthy);
    }

    /**
     * @param service the compose service name
     * @param state   Docker's container state: {@code running}, {@code exited}, {@code restarting} …
     * @param health  {@code healthy}, {@code unhealthy}, {@code starting}, or {@code none} without a health check
     */
    public record ServiceStatus(String service, String state, String health) {
        public boolean healthy() {
            return "running".equals(state) && ("healthy".equals(health) || "none".equals(health));
        }
    }
}
