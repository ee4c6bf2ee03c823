package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("haven.yaml");
    }

    @Test
    void flagsAndDefaultsWriteAValidSpec() throws Exception {
        CliRun run = CliRun.of("init", "--yes", "--domain", "Example.ORG", "--owner-email", "ada.lovelace@example.org",
                "--out", out().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(OpenHavenCli.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("Wrote " + out() + " for haven 'example': vaultwarden, nextcloud, gitea on "
                + "hetzner cx32 in fsn1, under example.org.\n"
                + "Next: run 'openhaven plan' to see what would be created and what it costs.\n");
        String written = Files.readString(out());
        assertThat(written).contains("name: example\n", "domain: example.org\n", "  name: Ada Lovelace\n",
                "  provider: manual\n", "tls: http-01\n");
        assertThat(CliRun.of("validate", "--spec", out().toString()).exitCode()).isEqualTo(OpenHavenCli.OK);
    }

    @Test
    void hostFlagMeansAnExistingServer() throws Exception {
        CliRun run = CliRun.of("init", "--yes", "--name", "lab", "--domain", "lab.example.net", "--owner-name", "Grace",
                "--owner-email", "grace@example.net", "--host", "203.0.113.7", "--dns", "cloudflare",
                "--services", "vaultwarden, wireguard", "--out", out().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(OpenHavenCli.OK);
        assertThat(Files.readString(out())).contains("""
                server:
                  provider: ssh
                  host: 203.0.113.7
                  port: 22
                  user: root
                """, "  - vaultwarden\n  - wireguard\n");
    }

    @Test
    void anExistingServerTakesItsSshUserAndPortAndPointsAtTheKeyToAdd() throws Exception {
        CliRun run = CliRun.of("init", "--yes", "--name", "lab", "--domain", "lab.example.net", "--owner-email",
                "grace@example.net", "--host", "203.0.113.7", "--ssh-user", "ubuntu", "--ssh-port", "2222",
                "--out", out().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(OpenHavenCli.OK);
        assertThat(Files.readString(out())).contains("""
                server:
                  provider: ssh
                  host: 203.0.113.7
                  port: 2222
                  user: ubuntu
                """);
        assertThat(run.out()).endsWith("Next: run 'openhaven ssh-key' to create the haven's SSH key and see the line "
                + "to add on 203.0.113.7; then 'openhaven ssh-key --check' and 'openhaven plan'.\n");

        CliRun badPort = CliRun.of("init", "--yes", "--force", "--domain", "lab.example.net", "--owner-email",
                "grace@example.net", "--host", "203.0.113.7", "--ssh-port", "70000", "--out", out().toString());
        assertThat(badPort.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(badPort.err()).contains("server.port (--ssh-port): 70000 is not a port number (1–65535)");
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Files.writeString(out(), "# my own notes\n");

        CliRun run = CliRun.of("init", "--yes", "--domain", "example.org", "--owner-email", "ada@example.org",
                "--out", out().toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).isEqualTo(out() + " already exists; 'openhaven init' does not overwrite it.\n"
                + "  → Edit it and run 'openhaven validate', write elsewhere with --out FILE, or replace it with "
                + "--force (the old file is kept as haven.yaml.bak).\n");
        assertThat(Files.readString(out())).isEqualTo("# my own notes\n");
    }

    @Test
    void forceReplacesTheFileAndKeepsTheOldOneAsBackup() throws Exception {
        Files.writeString(out(), "# my own notes\n");

        CliRun run = CliRun.of("init", "--yes", "--force", "--domain", "example.org", "--owner-email",
                "ada@example.org", "--out", out().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(OpenHavenCli.OK);
        assertThat(Files.readString(dir.resolve("haven.yaml.bak"))).isEqualTo("# my own notes\n");
        assertThat(Files.readString(out())).contains("domain: example.org");
    }

    @Test
    void missingRequiredFlagsAreNamedWithAnExample() {
        CliRun run = CliRun.of("init", "--yes", "--out", out().toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).isEqualTo("'openhaven init' needs --domain and --owner-email when it does not ask "
                + "questions (input is not a terminal, or --yes was given).\n"
                + "  → For example: openhaven init --domain example.org --owner-email you@example.org\n");
        assertThat(out()).doesNotExist();
    }

    @Test
    void invalidAnswersAreReportedWithTheirFlagsAndNothingIsWritten() {
        CliRun run = CliRun.of("init", "--yes", "--domain", "my_home.example.org", "--owner-email", "ada",
                "--provider", "hetzer", "--services", "vaultwarden,nextclod", "--out", out().toString());

        assertThat(run.exitCode()).isEqualTo(OpenHavenCli.USAGE);
        assertThat(run.err()).isEqualTo("""
                The answers have problems; nothing was written:
                  domain (--domain): 'my_home.example.org' contains '_', which host names cannot; use '-' instead
                  owner.email (--owner-email): 'ada' is not an email address (expected name@example.com)
                  server.provider (--provider): unknown provider 'hetzer' — did you mean 'hetzner'?
                  services[1] (--services): unknown service 'nextclod' — did you mean 'nextcloud'?
                  → Correct the flags named above and run 'openhaven init' again.
                """);
        assertThat(out()).doesNotExist();
    }
}
