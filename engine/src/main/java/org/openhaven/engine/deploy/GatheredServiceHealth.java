package org.openhaven.engine.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openhaven.engine.backup.ServiceHealth;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.RemoteExecutor;
import org.openhaven.engine.status.StatusGatherer;
import org.openhaven.engine.status.StatusReport;

/**
 * A service is healthy when every container of it (compose services named after it, such as {@code nextcloud}
 * and {@code nextcloud-db}) runs and passes its health check; polled with the status command until a deadline.
 */
final class GatheredServiceHealth implements ServiceHealth {

    private static final Duration POLL = Duration.ofSeconds(5);

    private final StatusGatherer gatherer;
    private final String domain;

    GatheredServiceHealth(RemoteExecutor server, String domain) {
        this.gatherer = new StatusGatherer(server, ServerLayout.DEFAULT);
        this.domain = domain;
    }

    @Override
    public void awaitHealthy(String serviceId) {
        Instant deadline = Instant.now().plus(SshHostDeployer.SERVICE_DEADLINE);
        List<StatusReport.ServiceStatus> containers = List.of();
        while (Instant.now().isBefore(deadline)) {
            containers = ofService(gatherer.gather(domain), serviceId);
            if (!containers.isEmpty() && containers.stream().allMatch(StatusReport.ServiceStatus::healthy)) {
                return;
            }
            pause();
        }
        throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND, "The service " + serviceId
                        + " did not become healthy within " + SshHostDeployer.SERVICE_DEADLINE.toMinutes()
                        + " minutes" + (containers.isEmpty() ? " (it does not run)." : ": " + containers + "."))
                .remedy("Run 'openhaven status'; the container's log (docker logs) says why.")
                .retryable(true)
                .build();
    }

    static List<StatusReport.ServiceStatus> ofService(StatusReport report, String serviceId) {
        return report.services().stream()
                .filter(s -> s.service().equals(serviceId) || s.service().startsWith(serviceId + "-"))
                .toList();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpenHavenException.of(ErrorCategory.CANCELLED, "Waiting for the services was interrupted.").build();
        }
    }
}
