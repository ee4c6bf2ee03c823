package org.openhaven.desktop.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Asks one service's HTTPS address whether it answers; the dashboard's and tray's health check. */
@FunctionalInterface
public interface ServiceProbe {

    Result probe(String url);

    /**
     * What one probe found.
     *
     * @param certificateExpiry when the certificate the service presented expires; null when none was seen
     */
    record Result(ServiceHealth.State state, Instant certificateExpiry) {
    }

    /**
     * A real HTTPS request: any answer below 500 (a login page, a redirect, 401) is UP, a 5xx is DEGRADED (the
     * proxy answers, the service behind it does not), no answer or an untrusted certificate is DOWN.
     */
    static ServiceProbe https() {
        // Built on the first probe, not at start-up: a client sets up TLS and a selector thread (some 300 classes),
        // which the wizard never needs.
        AtomicReference<HttpClient> built = new AtomicReference<>();
        Supplier<HttpClient> client = () -> built.updateAndGet(existing -> existing != null ? existing
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER).build());
        return url -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<Void> response = client.get().send(request, HttpResponse.BodyHandlers.discarding());
                Instant expiry = response.sslSession().map(ServiceProbe::expiry).orElse(null);
                return new Result(response.statusCode() < 500 ? ServiceHealth.State.UP : ServiceHealth.State.DEGRADED,
                        expiry);
            } catch (IOException | IllegalArgumentException e) {
                return new Result(ServiceHealth.State.DOWN, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(ServiceHealth.State.UNKNOWN, null);
            }
        };
    }

    /** The leaf certificate's end of validity. */
    private static Instant expiry(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? leaf.getNotAfter().toInstant() : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
