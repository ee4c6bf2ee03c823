package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.host.HostFacts;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.TlsMode;
import org.yaml.snakeyaml.Yaml;

/** Ollama reserves the server's NVIDIA GPU when the host facts show one, unless the spec says otherwise. */
class OllamaGpuRenderTest {

    private static final HostFacts GPU = new HostFacts(true, true);
    private static final HostFacts GPU_WITHOUT_TOOLKIT = new HostFacts(true, false);
    private static final Map<String, Object> RESERVATION = Map.of("resources", Map.of("reservations", Map.of(
            "devices", List.of(Map.of("driver", "nvidia", "count", "all", "capabilities", List.of("gpu"))))));

    private final StackRenderer renderer = new StackRenderer(Catalog.builtIn());
    private final InMemorySecretStore vault = TestSpecs.vault();

    @Test
    void serverWithAGpuGivesOllamaTheDeviceReservation() {
        assertThat(ollama(spec(null), GPU).get("deploy")).isEqualTo(RESERVATION);
    }

    @Test
    void serverWithoutAGpuRunsOllamaOnTheCpu() {
        assertThat(ollama(spec(null), HostFacts.UNKNOWN)).doesNotContainKey("deploy");
    }

    @Test
    void gpuWithoutTheContainerToolkitIsNotReservedSoTheStackStillStarts() {
        assertThat(ollama(spec(null), GPU_WITHOUT_TOOLKIT)).doesNotContainKey("deploy");
    }

    @Test
    void gpuTrueReservesTheGpuEvenWhenTheServerIsUnknown() {
        assertThat(ollama(spec("true"), HostFacts.UNKNOWN).get("deploy")).isEqualTo(RESERVATION);
    }

    @Test
    void gpuFalseNeverReservesTheGpu() {
        assertThat(ollama(spec("false"), GPU)).doesNotContainKey("deploy");
    }

    @Test
    void misspelledGpuOptionIsRefusedNamingTheService() {
        assertThatThrownBy(() -> renderer.render(spec("yes"), vault, GPU))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("services: ollama has gpu: 'yes', which is neither true nor false.");
    }

    @Test
    void sameSpecSecretsAndHostFactsGiveTheSameBundle() {
        String first = renderer.render(spec(null), vault, GPU).manifest().bundleHash();
        String again = renderer.render(spec(null), vault, GPU).manifest().bundleHash();
        String cpu = renderer.render(spec(null), vault, HostFacts.UNKNOWN).manifest().bundleHash();

        assertThat(again).isEqualTo(first);
        assertThat(cpu).isNotEqualTo(first);
    }

    @Test
    void onlyOllamaReservesTheGpu() {
        Map<String, Object> services = services(renderer.render(TestSpecs.with(
                TestSpecs.ALL_SELECTABLE.stream().map(ServiceSelection::of).toList(), TlsMode.HTTP_01, "manual"),
                vault, GPU));

        services.forEach((name, body) -> {
            if (!name.equals("ollama")) {
                assertThat(body).as(name).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .doesNotContainKey("deploy");
            }
        });
    }

    private static HavenSpec spec(String gpuOption) {
        ServiceSelection ollama = gpuOption == null ? ServiceSelection.of("ollama")
                : new ServiceSelection("ollama", Map.of("gpu", gpuOption));
        return TestSpecs.with(List.of(ollama), TlsMode.HTTP_01, "manual", org.openhaven.engine.spec.VpnSpec.NONE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ollama(HavenSpec spec, HostFacts host) {
        return (Map<String, Object>) services(renderer.render(spec, vault, host)).get("ollama");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(RenderedBundle bundle) {
        Map<String, Object> compose = new Yaml().load(bundle.text(StackRenderer.COMPOSE_FILE));
        return (Map<String, Object>) compose.get("services");
    }
}
