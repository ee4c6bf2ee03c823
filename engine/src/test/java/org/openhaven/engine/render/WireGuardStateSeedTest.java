package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.testsupport.Requirements;
import org.yaml.snakeyaml.Yaml;

/**
 * The start script of the rendered wireguard container, run by busybox's shell (the image is Alpine, whose shell is
 * busybox too) against two temporary folders standing in for the read-only bundle file and the state
 * volume: the spec's state replaces the volume's exactly when it changed, so peers added in the UI survive restarts.
 */
class WireGuardStateSeedTest {

    @TempDir
    Path bundle;
    @TempDir
    Path volume;

    private String script;

    @BeforeEach
    void extractTheStartScript() {
        RenderedBundle rendered = new StackRenderer(Catalog.builtIn()).render(TestSpecs.only("wireguard"), TestSpecs.vault());
        Map<String, Object> compose = new Yaml().load(rendered.text(StackRenderer.COMPOSE_FILE));
        @SuppressWarnings("unchecked")
        Map<String, Object> wireguard = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("wireguard");
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) wireguard.get("command");
        assertThat(command.subList(0, 3)).containsExactly("/usr/bin/dumb-init", "/bin/sh", "-c");
        assertThat(command.get(3)).endsWith("exec node server.js\n");
        script = command.get(3)
                .replace("/openhaven/", bundle + "/")
                .replace("/etc/wireguard/", volume + "/")
                .replace("exec node server.js", "exit 0");
    }

    @Test
    void firstStartInstallsTheRenderedStateReadableByRootOnly() throws Exception {
        seed("{\"spec\": 1}");

        start();

        assertThat(Files.readString(volume.resolve("wg0.json"))).isEqualTo("{\"spec\": 1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(volume.resolve("wg0.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void restartKeepsPeersAddedInTheWebUi() throws Exception {
        seed("{\"spec\": 1}");
        start();
        Files.writeString(volume.resolve("wg0.json"), "{\"spec\": 1, \"addedInTheUi\": true}");

        start();

        assertThat(Files.readString(volume.resolve("wg0.json"))).isEqualTo("{\"spec\": 1, \"addedInTheUi\": true}");
    }

    @Test
    void changedSpecReplacesTheVolumesState() throws Exception {
        seed("{\"spec\": 1}");
        start();
        Files.writeString(volume.resolve("wg0.json"), "{\"spec\": 1, \"addedInTheUi\": true}");
        seed("{\"spec\": 2}");

        start();

        assertThat(Files.readString(volume.resolve("wg0.json"))).isEqualTo("{\"spec\": 2}");
    }

    @Test
    void missingStateIsInstalledAgainEvenWhenTheSpecIsUnchanged() throws Exception {
        seed("{\"spec\": 1}");
        start();
        Files.delete(volume.resolve("wg0.json"));

        start();

        assertThat(Files.readString(volume.resolve("wg0.json"))).isEqualTo("{\"spec\": 1}");
    }

    private void seed(String json) throws IOException {
        Files.writeString(bundle.resolve("wg0.json"), json);
    }

    private void start() throws IOException, InterruptedException {
        Path busybox = Requirements.command("busybox");
        Process process = new ProcessBuilder(busybox.toString(), "sh", "-c", script)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
