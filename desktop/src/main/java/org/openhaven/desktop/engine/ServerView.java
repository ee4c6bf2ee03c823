package org.openhaven.desktop.engine;

import java.util.List;
import java.util.Optional;
import org.openhaven.engine.status.StatusReport;

/**
 * Turns the server's own view of its containers into the dashboard's per-service verdict, and merges it with what
 * the HTTPS probe saw from outside. Pure, so tests can pin every rule.
 */
final class ServerView {

    private ServerView() {
    }

    /**
     * The verdict for catalog service {@code id} from its containers: the one named {@code id} and its companions
     * named {@code id-*} (database, cache, cron), since a web service whose database is down is not well. Empty
     * when the server runs no such container (the probe alone decides then).
     */
    static Optional<ServiceHealth.State> state(String id, List<StatusReport.ServiceStatus> containers) {
        List<StatusReport.ServiceStatus> own = containers.stream()
                .filter(c -> c.service().equals(id) || c.service().startsWith(id + "-")).toList();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        boolean mainRuns = own.stream().anyMatch(c -> c.service().equals(id) && "running".equals(c.state()));
        if (!mainRuns) {
            return Optional.of(ServiceHealth.State.DOWN);
        }
        return Optional.of(own.stream().allMatch(StatusReport.ServiceStatus::healthy)
                ? ServiceHealth.State.UP : ServiceHealth.State.DEGRADED);
    }

    /**
     * The worse of the server's verdict and the probe's: the server knows a container is unhealthy behind a proxy
     * that still answers; the probe knows users cannot reach a healthy container (DNS, firewall, Traefik). A probe
     * that could not finish (UNKNOWN) leaves the server's verdict standing.
     */
    static ServiceHealth.State merge(ServiceHealth.State server, ServiceHealth.State probed) {
        if (probed == ServiceHealth.State.UNKNOWN) {
            return server;
        }
        return severity(probed) > severity(server) ? probed : server;
    }

    private static int severity(ServiceHealth.State state) {
        return switch (state) {
            case UP -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
        };
    }
}
