package org.openhaven.engine.backup;

/**
 * Waits until a service answers its health check, or throws an {@link org.openhaven.engine.error.OpenHavenException}
 * naming the service. Provided by the health package; a seam here so restores can be verified.
 */
@FunctionalInterface
public interface ServiceHealth {

    void awaitHealthy(String serviceId);
}
