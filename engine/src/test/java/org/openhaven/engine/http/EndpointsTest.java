package org.openhaven.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    static final Map<String, String> ENV = Map.of("OPENHAVEN_HETZNER_ENDPOINT", "http://127.0.0.1:8080/v1");

    @Test
    void specEndpointWinsOverTheEnvironment() {
        assertThat(Endpoints.resolve("https://proxy.example.org/hcloud", "OPENHAVEN_HETZNER_ENDPOINT", ENV,
                "https://api.hetzner.cloud/v1")).isEqualTo(URI.create("https://proxy.example.org/hcloud"));
    }

    @Test
    void environmentWinsOverTheDefault() {
        assertThat(Endpoints.resolve(null, "OPENHAVEN_HETZNER_ENDPOINT", ENV, "https://api.hetzner.cloud/v1"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/v1"));
    }

    @Test
    void defaultWhenNothingIsSet() {
        assertThat(Endpoints.resolve(" ", "OPENHAVEN_HETZNER_ENDPOINT", Map.of(), "https://api.hetzner.cloud/v1"))
                .isEqualTo(URI.create("https://api.hetzner.cloud/v1"));
    }
}
