package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.ServerHostKey;
import org.openhaven.engine.state.StateFile;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/** The CLI in-process against the test provider: options, prompts, exit codes and messages. */
class CliCommandsTest {

    @TempDir
    Path temp;

    private Path work;
    private HavenEngine engine;
    private final ScriptedTerminal terminal = new ScriptedTerminal();
    private String out;
    private String err;

    /** A terminal whose answers are scripted; not interactive unless answers are queued. */
    static final class ScriptedTerminal implements Terminal {
        final Deque<String> answers = new ArrayDeque<>();
        boolean interactive;
        String stdin = "";

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public boolean drawsProgressBars() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            return answers.poll();
        }

        @Override
        public char[] readPassword(String prompt) {
            String answer = answers.poll();
            return answer == null ? null : answer.toCharArray();
        }

        @Override
        public String readStdin() {
            return stdin;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("haven.yaml"), CliProcess.specYaml("family"));
        engine = TestHavens.engine(temp.resolve("home"), new FileBackedTestProvider(temp.resolve("provider.json")),
                new FileBackedTestHost(temp.resolve("host.log")));
    }

    private int run(String... args) {
        CliRun run = CliRun.of(engine, terminal, work, args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    @Test
    void planPrintsTheTableAndSavesJsonForApply() {
        assertThat(run("plan", "--out", temp.resolve("plan.json").toString())).isZero();
        assertThat(out).contains("+ server      family-server").contains("7 to create, 0 to update, 0 to delete");
        assertThat(temp.resolve("plan.json")).exists();

        assertThat(run("plan", "--json")).isZero();
        assertThat(out).startsWith("{").contains("\"haven\" : \"family\"");
    }

    @Test
    void applyWithoutYesOnANonInteractiveTerminalIsAUsageError() {
        assertThat(run("apply")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("needs confirmation").contains("--yes");
        assertThat(engine.state("family").resources()).isEmpty();
    }

    @Test
    void applyAsksAndDoesNothingWhenTheAnswerIsNo() {
        terminal.interactive = true;
        terminal.answers.add("n");
        assertThat(run("apply")).isEqualTo(OpenHavenCli.FAILED);
        assertThat(out).contains("Nothing was changed.");
    }

    @Test
    void applyAsksAndRunsWhenTheAnswerIsYesPrintingTimestampedLines() {
        terminal.interactive = true;
        terminal.answers.add("y");
        assertThat(run("apply")).as(err).isZero();
        assertThat(out).containsPattern("\\d\\d:\\d\\d:\\d\\d   ✓ Create the server: server family-server")
                .contains("Done: 13 step(s) run");
    }

    @Test
    void applyPrintsAndRecordsTheHostKeyTrustedOnFirstContactAndStatusShowsIt() {
        assertThat(run("apply", "--yes")).as(err).isZero();
        ServerHostKey recorded = engine.state("family").server();
        String ip = engine.state("family").resource("ip").orElseThrow().attributes().get("ipv4");
        String fingerprint = FileBackedTestHost.hostKey(ip);

        assertThat(recorded.host()).isEqualTo(ip);
        assertThat(recorded.port()).isEqualTo(22);
        assertThat(recorded.fingerprint()).isEqualTo(fingerprint);
        assertThat(recorded.pinnedAt()).isNotNull();
        assertThat(out).contains("✓ Wait for SSH: SSH answers on " + ip + ":22; trusted the server's host key "
                + fingerprint + " (first contact)")
                .contains("\nTrusted the server's host key " + fingerprint + " (first contact). Compare it with the "
                        + "one your provider's console shows; a later change stops every connection.\n");

        assertThat(run("status")).isZero();
        assertThat(out).contains("\n  Host key " + fingerprint + " for " + ip + ":22 (trusted "
                + java.time.LocalDate.ofInstant(recorded.pinnedAt(), java.time.ZoneOffset.UTC) + ")\n");
        assertThat(run("status", "--json")).isZero();
        assertThat(out).contains("\"fingerprint\" : \"" + fingerprint + "\"");

        assertThat(run("apply", "--yes")).as(err).isZero();
        assertThat(out).as("a known key is not news").doesNotContain("first contact");
        assertThat(engine.state("family").server()).isEqualTo(recorded);
    }

    @Test
    void aPinKnownOnlyToKnownHostsIsTakenIntoStateWithoutATimeAndIsNoFirstContact() {
        assertThat(run("apply", "--yes")).as(err).isZero();
        String fingerprint = engine.state("family").server().fingerprint();
        // A state written before it had a server section: the pin exists, the record does not.
        new StateFile(engine.directory("family").stateFile(), "family").update(s -> s.withServer(null));

        assertThat(run("apply", "--yes")).as(err).isZero();

        assertThat(out).doesNotContain("first contact");
        ServerHostKey recorded = engine.state("family").server();
        assertThat(recorded.fingerprint()).isEqualTo(fingerprint);
        assertThat(recorded.pinnedAt()).isNull();
        assertThat(run("status")).isZero();
        assertThat(out).contains("\n  Host key " + fingerprint + " for " + recorded.host() + ":22\n");
    }

    @Test
    void applyOfAStalePlanIsRefusedWithExitCode2() {
        Path plan = temp.resolve("plan.json");
        run("plan", "--out", plan.toString());
        assertThat(run("apply", "--yes")).isZero();

        assertThat(run("apply", "--yes", "--plan", plan.toString())).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("Error: The plan is stale").contains("→ Run 'openhaven plan' again");
    }

    @Test
    void aLockedHavenGivesExitCode3() {
        engine.store().create("family");
        try (HavenLock held = HavenLock.acquire(engine.directory("family").lockFile(), "openhaven apply",
                java.time.Instant.now())) {
            assertThat(run("apply", "--yes")).isEqualTo(OpenHavenCli.LOCKED);
            assertThat(err).contains("This haven is locked by process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void unlockShowsWhatItRemoves() {
        engine.store().create("family");
        HavenLock.acquire(engine.directory("family").lockFile(), "openhaven apply",
                java.time.Instant.parse("2026-11-24T08:00:00Z"));

        assertThat(run("unlock", "--haven", "family")).isZero();
        assertThat(out).contains("Removed the lock of haven 'family' held by process " + ProcessHandle.current().pid())
                .contains("started 2026-11-24T08:00:00Z");
        assertThat(run("unlock", "--haven", "family")).isZero();
        assertThat(out).contains("is not locked");
    }

    @Test
    void secretsAreSetFromStdinListedByNameAndShownOnlyOnRequest() {
        terminal.stdin = "s3cr3t-token\n";
        assertThat(run("secrets", "set", "testcloud/token")).isZero();
        assertThat(out).doesNotContain("s3cr3t-token");

        assertThat(run("secrets", "list")).isZero();
        assertThat(out).isEqualTo("testcloud/token\n");

        assertThat(run("secrets", "show", "testcloud/token")).isZero();
        assertThat(out).isEqualTo("s3cr3t-token\n");

        assertThat(run("secrets", "show", "nope")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("has no secret 'nope'").contains("openhaven secrets list");
    }

    @Test
    void destroyDryRunListsAndDestroyWithYesRemoves() {
        run("apply", "--yes");
        assertThat(run("destroy", "--dry-run")).isZero();
        assertThat(out).contains("Would delete from haven 'family':").contains("- server family-server");

        assertThat(run("destroy", "--yes")).isZero();
        assertThat(out).contains("Deleted 6 resource(s) of haven 'family':");
        assertThat(run("destroy", "--yes")).isZero();
        assertThat(out).contains("has nothing at its providers to delete");
    }

    @Test
    void statusShowsEachResourceCheckedAgainstTheProvider() {
        run("apply", "--yes");
        assertThat(run("status")).isZero();
        assertThat(out).contains("Haven 'family'").containsPattern("present\\s+server\\s+family-server");
        assertThat(run("status", "--json")).isZero();
        assertThat(out).contains("\"presence\" : \"PRESENT\"");
    }

    @Test
    void backupCommandsNameWhatIsMissingBeforeTheyReachAServer() throws Exception {
        assertThat(run("backup", "list")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("No deployed haven is known on this computer.");

        run("apply", "--yes");
        assertThat(run("backup", "now")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("Haven 'family' has no backup target.").contains("backup section");

        Files.writeString(work.resolve("haven.yaml"), CliProcess.specYaml("garden")
                + "backup: {endpoint: https://s3.example.test, bucket: garden-backups}\n");
        run("plan");
        assertThat(run("backup", "--haven", "garden", "list")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("Haven 'garden' has not been deployed yet.").contains("openhaven apply");
        assertThat(run("restore", "--haven", "garden", "gitea")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("Haven 'garden' has not been deployed yet.");
    }

    @Test
    void choosingAHavenThatDoesNotExistNamesTheKnownOnes() {
        run("plan");
        assertThat(run("plan", "--haven", "famly")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("There is no haven named 'famly'.").contains("Known havens: family.");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("plan", "--jsn")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err).contains("Unknown option: '--jsn'");
    }
}
