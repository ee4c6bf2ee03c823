package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** {@code openhaven ssh-key} and the plan's server check for a server the user already has. */
class SshKeyCommandTest {

    @TempDir
    Path temp;

    private Path work;
    private HavenEngine engine;
    private FileBackedTestHost host;
    private final CliCommandsTest.ScriptedTerminal terminal = new CliCommandsTest.ScriptedTerminal();
    private String out;
    private String err;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("haven.yaml"), "name: family\ndomain: family.example.org\n"
                + "owner: {name: Ada Lovelace, email: ada@example.org}\n"
                + "server: {provider: ssh, host: 203.0.113.7, user: admin}\n"
                + "dns: {provider: manual}\nservices: [vaultwarden]\n");
        host = new FileBackedTestHost(temp.resolve("host.log"));
        engine = TestHavens.engine(temp.resolve("home"), new FileBackedTestProvider(temp.resolve("provider.json")),
                host);
    }

    /** Runs the CLI; keeps what it printed in {@link #out} and {@link #err}. */
    private int run(String... args) {
        CliRun run = CliRun.of(engine, terminal, work, args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    @Test
    void sshKeyPrintsTheLineAndTheCommandThatAddsItAndKeepsTheKey() {
        assertThat(run("ssh-key")).as(err).isZero();
        String line = out.lines().findFirst().orElseThrow();

        assertThat(line).startsWith("ssh-ed25519 ").endsWith(" family@openhaven");
        assertThat(out).contains("Add it to ~admin/.ssh/authorized_keys on 203.0.113.7: logged in there as admin, "
                + "run\n  mkdir -p ~/.ssh && echo '" + line + "' >> ~/.ssh/authorized_keys\n"
                + "Then check the server with 'openhaven ssh-key --check'.");
        assertThat(run("ssh-key")).isZero();
        assertThat(out).startsWith(line + "\n");
    }

    @Test
    void sshKeyCheckLogsInAndSaysTheServerIsReady() {
        assertThat(run("ssh-key", "--check")).as(err).isZero();

        assertThat(out).contains("Connected: admin@203.0.113.7:22 · Debian GNU/Linux 12 (bookworm) · host key "
                + FileBackedTestHost.hostKey("203.0.113.7"))
                .contains("The server is ready for haven 'family'. Next: 'openhaven apply'.");
        assertThat(host.actions()).containsExactly("check 203.0.113.7");
    }

    @Test
    void planAndApplyFailWithTheLineToAddWhenTheServerRefusesTheKey() {
        assertThat(run("plan")).isZero();
        assertThat(out).contains("Server   no SSH key yet: run 'openhaven ssh-key'");
        run("ssh-key");
        String line = out.lines().findFirst().orElseThrow();
        host.refuseKeys(true);

        assertThat(run("plan")).isEqualTo(OpenHavenCli.FAILED);
        assertThat(err).contains("Error: The server admin@203.0.113.7:22 refused the haven's SSH key.")
                .contains("mkdir -p ~/.ssh && echo '" + line + "' >> ~/.ssh/authorized_keys");

        assertThat(run("apply", "--yes")).isEqualTo(OpenHavenCli.FAILED);
        assertThat(out + err).contains("refused the haven's SSH key").contains(line);

        host.refuseKeys(false);
        assertThat(run("plan")).as(err).isZero();
        assertThat(out).contains("Server   ready: admin@203.0.113.7:22 · Debian GNU/Linux 12");
    }

    @Test
    void sshKeyCheckOfACloudHavenIsAUsageError() throws Exception {
        Files.writeString(work.resolve("haven.yaml"), org.openhaven.engine.testsupport.CliProcess.specYaml("cloudy"));

        assertThat(run("ssh-key", "--check")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("there is no server of yours to check");
        assertThat(run("ssh-key")).isZero();
        assertThat(out).contains("there is nothing to add by hand");
    }
}
