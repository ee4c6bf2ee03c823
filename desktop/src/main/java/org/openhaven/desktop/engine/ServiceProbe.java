package org.openhaven.desktop.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks one service's HTTPS address whether it answers; the dashboard's and tray's health check. */
@FunctionalInterface
public interface ServiceProbe {

    ServiceHealth.State probe(String url);

    /**
     * A real HTTPS request: any answer below 500 (a login page, a redirect, 401) is UP, a 5xx is DEGRADED (the
     * proxy answers, the service behind it does not), no answer or a bad certificate is DOWN.
     */
    static ServiceProbe https() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return url -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
                int code = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return code < 500 ? ServiceHealth.State.UP : ServiceHealth.State.DEGRADED;
            } catch (IOException | IllegalArgumentException e) {
                return ServiceHealth.State.DOWN;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ServiceHealth.State.UNKNOWN;
            }
        };
    }
}
