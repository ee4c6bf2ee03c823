package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.TestProviderFactories;

/**
 * Puts a unique canary into the vault as the provider token, runs the real CLI through set, plan, apply, status,
 * a failing status and destroy, then searches every file under the OpenHaven home (state, vault, bundles, logs)
 * and every line the CLI printed: the canary must not appear anywhere except where it was deliberately revealed.
 */
class CanarySecretIT {

    @TempDir
    Path temp;

    @Test
    void theCanaryNeverLeavesTheVault() throws Exception {
        String canary = "canary-" + UUID.randomUUID();
        Path home = temp.resolve("home");
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("haven.yaml"), CliProcess.specYaml("canary"));
        CliProcess cli = new CliProcess(work, home, temp.resolve("provider.json"), temp.resolve("host.log"))
                .env("OPENHAVEN_PASSPHRASE", "a passphrase for the canary test");
        List<CliProcess.Result> results = new ArrayList<>();

        results.add(expect(0, cli.run(canary + "\n", "secrets", "set", TestProviderFactories.TOKEN_KEY)));
        results.add(expect(0, cli.run("", "plan", "--json")));
        results.add(expect(0, cli.run("", "apply", "--yes")));
        results.add(expect(0, cli.run("", "status")));
        results.add(expect(0, cli.run("", "status", "--json")));
        results.add(expect(0, cli.run("", "secrets", "list")));
        results.add(expect(2, new CliProcess(work, home, temp.resolve("provider.json"), temp.resolve("host.log"))
                .env("OPENHAVEN_PASSPHRASE", "wrong").run("", "status")));
        results.add(expect(0, cli.run("", "destroy", "--yes")));

        CliProcess.Result shown = cli.run("", "secrets", "show", TestProviderFactories.TOKEN_KEY);
        assertThat(shown.out().strip()).as("the deliberate reveal works").isEqualTo(canary);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.out()).doesNotContain(canary);
            assertThat(r.err()).doesNotContain(canary);
        });
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("files searched").anyMatch(f -> f.getFileName().toString().endsWith(".log"))
                .anyMatch(f -> f.endsWith("state.json")).anyMatch(f -> f.endsWith("vault.ohv"));
        for (Path file : files) {
            assertThat(contains(file, canary)).as("canary in %s", file).isFalse();
        }
        assertThat(files.stream().filter(f -> f.getFileName().toString().endsWith(".log")).map(CanarySecretIT::read))
                .as("the logs recorded the runs").anyMatch(log -> log.contains("apply of haven canary"))
                .anyMatch(log -> log.contains("wrong passphrase"));
        System.out.println("CanarySecretIT: searched " + files.size() + " files and " + results.size() * 2 + " outputs");
    }

    private static CliProcess.Result expect(int code, CliProcess.Result result) {
        assertThat(result.exitCode()).as("exit code; out:%n%s%nerr:%n%s", result.out(), result.err()).isEqualTo(code);
        return result;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String needle) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(needle);
    }
}
