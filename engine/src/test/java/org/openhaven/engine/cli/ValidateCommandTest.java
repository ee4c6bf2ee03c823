package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    /** A five-line spec: name, domain and owner fixed; line 4 the server, line 5 the services line. */
    private Path writeSpec(String name, String server, String servicesLine) throws Exception {
        Path spec = dir.resolve("haven.yaml");
        Files.writeString(spec, "name: " + name + "\ndomain: example.org\nowner: {name: Ada, email: ada@example.org}\n"
                + "server: {" + server + "}\n" + servicesLine + "\n");
        return spec;
    }

    @Test
    void exampleSpecIsValidAndItsServicesAreListed() {
        CliRun run = CliRun.of("validate", "--spec", Path.of("..", "examples", "haven.yaml").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(OpenHavenCli.OK);
        assertThat(run.out()).startsWith(Path.of("..", "examples", "haven.yaml") + " is valid: ")
                .contains("vaultwarden", "nextcloud", "gitea", "traefik");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void invalidSpecExitsWithUsageCodeAndListsEveryProblemWithItsLine() throws Exception {
        Path spec = writeSpec("Home", "provider: hetzner, region: fsn1, size: cx32", "servcies: [vaultwarden]");

        CliRun run = CliRun.of("validate", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("""
                haven.yaml has 3 problems:
                  haven.yaml:1: name: 'Home' must be lower-case letters, digits and dashes, starting and ending with \
                a letter or digit (it labels every cloud resource), e.g. 'home'
                  haven.yaml:5: servcies: unknown key — did you mean 'services'?
                  haven.yaml: services: choose at least one service, e.g. [vaultwarden, nextcloud]
                  → Fix them in haven.yaml (examples/haven.yaml explains every field), then run 'openhaven validate' \
                again.
                """);
    }

    @Test
    void missingSpecSaysHowToCreateOne() {
        CliRun run = CliRun.of("validate", "--spec", dir.resolve("haven.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).isEqualTo("There is no haven spec at " + dir.resolve("haven.yaml") + ".\n"
                + "  → Run 'openhaven init' to create one, or point to yours with --spec FILE.\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("validate", "--spek", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).startsWith("Unknown options: '--spek'");
    }

    @Test
    void awsSizeTooSmallForTheServicesIsRejectedFromTheBundledTable() throws Exception {
        Path spec = writeSpec("home", "provider: aws, region: eu-central-1, size: t3.small", "services: [nextcloud, onlyoffice]");

        CliRun run = CliRun.of("validate", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).startsWith("haven.yaml has a problem:\n  haven.yaml:5: services: need ")
                .contains(" MiB of memory, but aws t3.small has 2048 MiB — choose a larger size such as ");
    }

    @Test
    void jsonListsProblemsWithPathLineAndMessageOnStdout() throws Exception {
        Path spec = writeSpec("home", "provider: hetzner, region: fsn1, size: cx32", "services: [vaultwarden, nextclod]");

        CliRun run = CliRun.of("validate", "--json", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).isEmpty();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("valid").asBoolean(true)).isFalse();
        assertThat(result.path("problems")).hasSize(1);
        JsonNode problem = result.path("problems").get(0);
        assertThat(problem.path("path").asText()).isEqualTo("services[1]");
        assertThat(problem.path("line").asInt()).isEqualTo(5);
        assertThat(problem.path("message").asText()).isEqualTo("unknown service 'nextclod' — did you mean 'nextcloud'?");
    }

    @Test
    void jsonOfAValidSpecListsTheResolvedServicesAndMemory() throws Exception {
        CliRun run = CliRun.of("validate", "--json", "--spec", Path.of("..", "examples", "haven.yaml").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(OpenHavenCli.OK);
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("services").toString()).contains("\"vaultwarden\"", "\"traefik\"");
        assertThat(result.path("memoryMb").asInt()).isPositive();
    }
}
