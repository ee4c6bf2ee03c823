package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.BackupPlan;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.backup.ScriptedServer;
import org.openhaven.engine.backup.ServiceBackup;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import picocli.CommandLine;

/** The backup, restore and recover commands against a scripted server: output, exit codes, advice. */
class BackupCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final ResticRepository REPO = ResticRepository.of(
            new BackupSpec("https://s3.example.test", "eu-1", "haven-backups", "home", null, null));
    private static final BackupPlan PLAN = new BackupPlan("home", List.of(ServiceBackup.files("gitea", "gitea-data")),
            "03:30", BackupSpec.Retention.DEFAULT);
    private static final String SNAPSHOTS = "[{\"time\":\"2026-11-24T03:30:00Z\",\"paths\":[],\"hostname\":\"home\","
            + "\"id\":\"bbbb2222ffff\",\"short_id\":\"bbbb2222\",\"tags\":[\"scheduled\"]}]";
    private static final String LIST = "/opt/openhaven/backup/openhaven-backup restic snapshots";

    private final ScriptedServer server = new ScriptedServer();
    private final InMemorySecretStore vault = new InMemorySecretStore();
    private final List<String> healthy = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private final BackupAccess access = new BackupAccess() {
        @Override
        public HavenBackup open(String name) {
            return haven(server);
        }

        @Override
        public RecoverySite prepareRecovery(RecoveryRequest request, ProgressListener progress) {
            requests.add(request);
            return new RecoverySite(haven(server), server, new BackupCredentials(request.kit().password(),
                    request.accessKeyId().orElseThrow(), request.secretAccessKey().orElseThrow()),
                    List.of("The old server home-server (id 7) was kept, not deleted."));
        }

        @Override
        public void recoveryFinished(RecoverySite site) {
            finished.add(site.haven().havenId());
        }
    };
    private final List<BackupAccess.RecoveryRequest> requests = new ArrayList<>();
    private final List<String> finished = new ArrayList<>();

    private HavenBackup haven(ScriptedServer on) {
        return new HavenBackup("home", "example.org", PLAN, REPO, on, vault, healthy::add, List.of("traefik", "gitea"));
    }

    private int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void backupNowPrintsTheNewSnapshot() {
        server.answer("/opt/openhaven/backup/openhaven-backup run manual",
                "{\"message_type\":\"summary\",\"snapshot_id\":\"c0ffee0011223344\"}\n");
        assertThat(run(new BackupCommand(access, CLOCK), "now")).isZero();
        assertThat(out.toString()).contains("Backup finished: snapshot c0ffee00.");
    }

    @Test
    void backupListShowsIdTimeAndTag() {
        server.answer(LIST, SNAPSHOTS);
        assertThat(run(new BackupCommand(access, CLOCK), "list")).isZero();
        assertThat(out.toString()).contains("bbbb2222    2026-11-24 03:30  scheduled");
    }

    @Test
    void failedStatusExitsNonZeroWithTheReason() {
        server.answer("cat /opt/openhaven/backup/status.json", "{\"result\":\"failed\",\"startedAt\":"
                + "\"2026-11-24T03:30:00Z\",\"finishedAt\":\"2026-11-24T03:31:00Z\",\"error\":\"restic backup failed "
                + "with exit code 1\",\"lastSuccess\":null}");
        assertThat(run(new BackupCommand(access, CLOCK), "status")).isEqualTo(OpenHavenCli.FAILED);
        assertThat(out.toString()).contains("FAILED").contains("Last run failed: restic backup failed with exit code 1");
        assertThat(err.toString()).contains("journalctl -u openhaven-backup");
    }

    @Test
    void checkFailureWithWrongPasswordPointsToTheKit() {
        server.answer("/opt/openhaven/backup/openhaven-backup check",
                new ExecResult(1, "", "Fatal: wrong password or no key found\n"));
        assertThat(run(new BackupCommand(access, CLOCK), "check")).isEqualTo(OpenHavenCli.FAILED);
        assertThat(err.toString()).contains("the repository password does not open the backups")
                .contains("recovery kit").doesNotContain("Exception");
    }

    @Test
    void kitIsWrittenOwnerOnlyWithThePasswordFromTheVault(@TempDir Path dir) throws Exception {
        vault.put(BackupCredentials.PASSWORD_KEY, Secret.of("vault-password-123"));
        Path file = dir.resolve("kit.txt");
        assertThat(run(new BackupCommand(access, CLOCK), "kit", "--out", file.toString())).isZero();
        assertThat(Files.readString(file)).contains("Password:    vault-password-123");
        assertThat(out.toString()).doesNotContain("vault-password-123");
    }

    @Test
    void restoreAsksForYesBeforeStoppingAnything() {
        assertThat(run(new RestoreCommand(access, CLOCK), "gitea")).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err.toString()).contains("--yes");
        assertThat(server.commands).isEmpty();
    }

    @Test
    void restoreWithYesRestoresAndReportsHealth() {
        server.answer(LIST, SNAPSHOTS);
        assertThat(run(new RestoreCommand(access, CLOCK), "gitea", "--yes")).isZero();
        assertThat(out.toString()).contains("Restored gitea from snapshot bbbb2222 (2026-11-24 03:30 UTC)");
        assertThat(healthy).containsExactly("gitea");
    }

    @Test
    void withoutADeployedHavenTheCommandsSaySoAndExitWithUsage(@TempDir Path home) {
        var engine = org.openhaven.engine.testsupport.TestHavens.engine(home,
                new org.openhaven.engine.testsupport.FileBackedTestProvider(home.resolve("provider.json")),
                new org.openhaven.engine.testsupport.FileBackedTestHost(home.resolve("host.log")));
        CliContext context = new CliContext(() -> engine, new LenientTestSpecReader(), null, java.util.Map.of(), home);

        int code = OpenHavenCli.run(new String[] {"backup", "list"}, new PrintWriter(out, true),
                new PrintWriter(err, true), context);

        assertThat(code).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err.toString()).contains("No deployed haven").contains("openhaven apply");
    }

    @Test
    void recoverAsksForConfirmationBeforeCreatingAServer(@TempDir Path dir) {
        Path kit = dir.resolve("kit.md");
        RecoveryKitFile.write(new RecoveryKit("home", "example.org", REPO, Secret.of("kit-pw"), CLOCK.instant()), kit);

        assertThat(run(new RecoverCommand(access, CLOCK, Map.of()), "--kit", kit.toString()))
                .isEqualTo(OpenHavenCli.USAGE);

        assertThat(err.toString()).contains("creates a NEW server for home").contains("--yes");
        assertThat(requests).isEmpty();
    }

    @Test
    void recoverRestoresOntoTheNewServerChecksEveryServiceAndSaysWhatWasKept(@TempDir Path dir) {
        Path kit = dir.resolve("kit.md");
        RecoveryKitFile.write(new RecoveryKit("home", "example.org", REPO, Secret.of("kit-pw"), CLOCK.instant()), kit);
        server.answer(LIST, SNAPSHOTS);

        assertThat(run(new RecoverCommand(access, CLOCK, Map.of("OPENHAVEN_BACKUP_ACCESS_KEY_ID", "id",
                "OPENHAVEN_BACKUP_SECRET_ACCESS_KEY", "key")), "--kit", kit.toString(), "--yes",
                "--spec", "haven.yaml")).as(err.toString()).isZero();

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.specFile()).hasValue(Path.of("haven.yaml"));
            assertThat(r.accessKeyId()).hasValue(Secret.of("id"));
            assertThat(r.secretAccessKey()).hasValue(Secret.of("key"));
        });
        assertThat(out.toString()).contains("Recovered example.org from snapshot bbbb2222 (2026-11-24 03:30 UTC); "
                + "every service is healthy.").contains("home-server (id 7) was kept, not deleted.");
        assertThat(healthy).containsExactly("gitea", "traefik", "gitea");
        assertThat(finished).containsExactly("home");
    }

    @Test
    void recoverWithoutStorageKeysAnywhereSaysWhichVariablesToSet() {
        assertThat(RecoverCommand.missingS3Keys().userMessage()).contains("OPENHAVEN_BACKUP_ACCESS_KEY_ID");
        assertThat(RecoverCommand.missingS3Keys().remedy()).contains("OPENHAVEN_BACKUP_SECRET_ACCESS_KEY");
    }

    @Test
    void commandsAreRegisteredInTheRootCli() {
        StringWriter help = new StringWriter();
        OpenHavenCli.run(new String[] {"--help"}, new PrintWriter(help, true), new PrintWriter(new StringWriter()));
        assertThat(help.toString()).contains("backup").contains("restore").contains("recover");
    }
}
