package org.openhaven.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health probe against a real HTTP server on a free loopback port. */
class ServiceProbeTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login", exchange -> {
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerBelow500IsUpAndA5xxIsDegraded() {
        ServiceProbe probe = ServiceProbe.https();

        assertThat(probe.probe(base + "/login").state()).isEqualTo(ServiceHealth.State.UP);
        assertThat(probe.probe(base + "/broken").state()).isEqualTo(ServiceHealth.State.DEGRADED);
        assertThat(probe.probe(base + "/login").certificateExpiry()).as("plain HTTP has no certificate").isNull();
    }

    @Test
    void noAnswerIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(ServiceProbe.https().probe("http://127.0.0.1:" + closedPort + "/").state())
                .isEqualTo(ServiceHealth.State.DOWN);
    }
}
