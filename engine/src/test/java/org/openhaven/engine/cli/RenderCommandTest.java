package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.secrets.PassphraseSource;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.state.HavenStore;

class RenderCommandTest {

    /** The annotated example spec of the project: also the user documentation. */
    private static final Path EXAMPLE = Path.of("..", "examples", "haven.yaml");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs with an empty OPENHAVEN_HOME of its own, so havens elsewhere on the machine cannot change the result. */
    private int run(String... args) {
        CliContext context = new CliContext(() -> null, CliContext.strictSpecReader(), Terminal.system(),
                Map.of("OPENHAVEN_HOME", dir.resolve("empty-home").toString()), dir);
        return OpenHavenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
    }

    @Test
    void rendersTheExampleSpecOfflineAndPrintsWhatTheHavenNeeds() throws IOException {
        Path bundle = dir.resolve("bundle");

        int code = run("render", "--spec", EXAMPLE.toString(), "--out", bundle.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Rendered haven 'home' (example.org)")
                .contains("  vaultwarden      https://vault.example.org")
                .contains("  keycloak-db      (internal)")
                .contains("  quay.io/keycloak/keycloak:26.5.6")
                .contains("  A     git.example.org              the server's IPv4 address")
                .contains("Ports to open: 80/tcp, 443/tcp, 2222/tcp, 51820/udp")
                .contains("passwords will differ");
        assertThat(bundle.resolve("compose.yaml")).isRegularFile();
        assertThat(bundle.resolve("clients/wireguard/phone.conf")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle.resolve(".env"))))
                .isEqualTo("rw-------");
    }

    @Test
    void renderingAgainWithFewerServicesLeavesNoFileOfTheRemovedOnes() throws IOException {
        Path bundle = dir.resolve("bundle");
        Path spec = dir.resolve("haven.yaml");
        String example = Files.readString(EXAMPLE);
        Files.writeString(spec, example.replace("  - onlyoffice         # documents in Nextcloud\n", "")
                .replace("vpn:\n  peers: [phone, laptop]", "vpn:\n  peers: [phone]"));
        assertThat(run("render", "--spec", EXAMPLE.toString(), "--out", bundle.toString())).isZero();
        assertThat(bundle.resolve("clients/wireguard/laptop.conf")).exists();

        assertThat(run("render", "--spec", spec.toString(), "--out", bundle.toString())).as(err.toString()).isZero();

        assertThat(bundle.resolve("clients/wireguard/laptop.conf")).doesNotExist();
        assertThat(Files.readString(bundle.resolve("compose.yaml"))).doesNotContain("onlyoffice");
    }

    @Test
    void anExistingHavenRendersWithTheSecretsOfItsVault() throws IOException {
        Path home = dir.resolve("home");
        Path vaultFile = new HavenStore(home).create("home").vaultFile();
        Vault.openOrCreate(vaultFile, Secret.of("correct horse battery"))
                .put("keycloak/KEYCLOAK_ADMIN_PASSWORD", Secret.of("AdminFromTheVault1234567"));
        CliContext context = new CliContext(() -> null, CliContext.strictSpecReader(), Terminal.system(),
                Map.of("OPENHAVEN_HOME", home.toString(), PassphraseSource.ENV, "correct horse battery"), dir);
        Path bundle = dir.resolve("bundle");

        int code = OpenHavenCli.run(new String[] {"render", "--spec", EXAMPLE.toString(), "--out", bundle.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true), context);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Secrets: from the vault of haven 'home'").doesNotContain("differ");
        assertThat(Files.readString(bundle.resolve(".env"))).contains("KEYCLOAK_ADMIN_PASSWORD='AdminFromTheVault1234567'");
        assertThat(Vault.openOrCreate(vaultFile, Secret.of("correct horse battery")).keys())
                .contains("gitea-db/GITEA_DB_PASSWORD");
    }

    @Test
    void refusesAnAwsServerTooSmallForTheServicesNamingBothNumbers() throws IOException {
        Path spec = dir.resolve("haven.yaml");
        Files.writeString(spec, Files.readString(EXAMPLE).replace("  provider: hetzner\n  region: fsn1          "
                + "# Falkenstein; also nbg1, hel1, ash, hil, sin\n  size: cx32 ",
                "  provider: aws\n  region: eu-central-1\n  size: t3.small "));

        int code = run("render", "--spec", spec.toString(), "--out", dir.resolve("bundle").toString());

        assertThat(code).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err.toString()).contains("t3.small").containsPattern("\\d+ MiB");
        assertThat(dir.resolve("bundle")).doesNotExist();
    }

    @Test
    void refusesToWriteIntoADirectoryOfOtherFiles() throws IOException {
        Files.writeString(dir.resolve("thesis.txt"), "mine");

        int code = run("render", "--spec", EXAMPLE.toString(), "--out", dir.toString());

        assertThat(code).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err.toString()).contains("is not empty and holds no earlier bundle");
        assertThat(Files.readString(dir.resolve("thesis.txt"))).isEqualTo("mine");
        assertThat(dir.resolve("compose.yaml")).doesNotExist();
    }

    @Test
    void aTypoInTheSpecIsReportedWithoutAStackTrace() throws IOException {
        Path spec = dir.resolve("haven.yaml");
        Files.writeString(spec, Files.readString(EXAMPLE).replace("  - vaultwarden ", "  - vaultwardn "));

        int code = run("render", "--spec", spec.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err.toString()).contains("vaultwardn").contains("vaultwarden").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
