package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The rendered WireGuard keys as the real {@code wg} and {@code wg-quick} tools read them. The server's
 * {@code wg0.conf} is written by wg-easy from {@code wg0.json} on the server, so the state file is checked here.
 */
class WireGuardConfigToolTest {

    @TempDir
    Path dir;

    @Test
    void realWgDerivesThePublicKeysTheServerStateAndClientConfigurationsName() throws Exception {
        Path wg = Requirements.command("wg");
        RenderedBundle bundle = new StackRenderer(Catalog.builtIn()).render(TestSpecs.only("wireguard"), TestSpecs.vault());
        JsonNode state = new ObjectMapper().readTree(bundle.text("wireguard/wg0.json"));
        JsonNode phoneClient = state.path("clients").path(WireGuardConfigs.clientId("phone"));
        String phone = new String(bundle.clientFiles().get("wireguard/phone.conf"), StandardCharsets.UTF_8);

        String serverPublic = run(List.of(wg.toString(), "pubkey"), state.path("server").path("privateKey").asText());
        String phonePublic = run(List.of(wg.toString(), "pubkey"), value(phone, "PrivateKey"));

        assertThat(state.path("server").path("publicKey").asText()).isEqualTo(serverPublic);
        assertThat(value(phone, "PublicKey")).isEqualTo(serverPublic);
        assertThat(phoneClient.path("publicKey").asText()).isEqualTo(phonePublic);
        assertThat(phoneClient.path("preSharedKey").asText()).isEqualTo(value(phone, "PresharedKey"));
    }

    @Test
    void wgQuickAcceptsEveryClientConfiguration() throws Exception {
        Path wgQuick = Requirements.command("wg-quick");
        RenderedBundle bundle = new StackRenderer(Catalog.builtIn()).render(TestSpecs.only("wireguard"), TestSpecs.vault());
        Files.write(dir.resolve("phone.conf"), bundle.clientFiles().get("wireguard/phone.conf"));
        Files.write(dir.resolve("laptop.conf"), bundle.clientFiles().get("wireguard/laptop.conf"));

        for (String name : List.of("phone", "laptop")) {
            // `strip` parses the whole file and prints what `wg setconf` would receive.
            String stripped = run(List.of(wgQuick.toString(), "strip", dir.resolve(name + ".conf").toString()), "");
            assertThat(stripped).as(name).contains("PrivateKey = ", "[Peer]", "PublicKey = ");
        }
    }

    private static String value(String config, String key) {
        return config.lines().filter(l -> l.startsWith(key + " = ")).findFirst().orElseThrow()
                .substring(key.length() + 3);
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + ": " + output).isZero();
        return output.strip();
    }
}
