package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The restic commands OpenHaven builds, run by the real restic (Debian) against a real S3 server (s3proxy). Each
 * test uses its own repository prefix in one bucket created through {@link BackupBucket}.
 */
class ResticS3IT {

    private static final String HAVEN = "lab-haven";
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3Server s3;

    @TempDir
    Path work;

    @BeforeAll
    static void startS3() throws Exception {
        Requirements.command("restic");
        s3 = S3Server.start();
        s3.ensureBucket(s3.repository("havens", ""));
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    private LocalCommandRunner restic(String prefix, String password) {
        ResticRepository repository = s3.repository("havens", prefix);
        return new LocalCommandRunner(ResticEnvironment.of(repository, s3.credentials(password)), work);
    }

    @Test
    void restoredSnapshotMatchesTheOriginalTreeByteForByte() throws IOException {
        Path data = work.resolve("data");
        FileTrees.generate(data, 12L << 20, 1);
        LocalCommandRunner restic = restic("roundtrip", PASSWORD);
        restic.ok(ResticCommands.init());

        ExecResult backup = restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of("manual")));
        String snapshotId = BackupStatusParser.snapshotIdFromRunOutput(backup.stdout()).orElseThrow();

        Path target = work.resolve("restored");
        restic.ok(ResticCommands.restore(snapshotId, HAVEN, List.of(data.toString()), target.toString()));
        FileTrees.assertIdentical(data, target.resolve(data.toString().substring(1)));
    }

    @Test
    void restoringLatestPicksTheNewestSnapshotOfTheHaven() throws IOException {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("note.txt"), "first");
        LocalCommandRunner restic = restic("latest", PASSWORD);
        restic.ok(ResticCommands.init());
        restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of()));
        Files.writeString(data.resolve("note.txt"), "second");
        restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of()));

        Path target = work.resolve("restored");
        restic.ok(ResticCommands.restore("latest", HAVEN, List.of(data.toString()), target.toString()));
        assertThat(target.resolve(data.toString().substring(1)).resolve("note.txt")).hasContent("second");
    }

    @Test
    void forgetKeepsOnlyWhatTheRetentionPolicyAllows() throws IOException {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        LocalCommandRunner restic = restic("retention", PASSWORD);
        restic.ok(ResticCommands.init());
        for (int i = 0; i < 3; i++) {
            Files.writeString(data.resolve("n.txt"), "version " + i);
            restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of()));
        }
        assertThat(snapshotCount(restic)).isEqualTo(3);

        // All three were taken today: one daily slot keeps only the newest.
        restic.ok(ResticCommands.forget(HAVEN, new BackupSpec.Retention(1, 0, 0)));

        assertThat(snapshotCount(restic)).isEqualTo(1);
        restic.ok(ResticCommands.check(0));
    }

    @Test
    void wrongRepositoryPasswordFailsWithTheRecoveryKitRemedy() {
        restic("locked-out", PASSWORD).ok(ResticCommands.init());

        LocalCommandRunner wrong = restic("locked-out", "not the password");
        ExecResult result = wrong.run(ResticCommands.snapshots());
        OpenHavenException failure = ResticFailure.of("list the snapshots", s3.repository("havens", "locked-out"),
                result);

        assertThat(result.succeeded()).isFalse();
        assertThat(failure.category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(failure.userMessage()).contains("the repository password does not open the backups")
                .contains("folder 'locked-out'").doesNotContain("not the password");
        assertThat(failure.remedy()).contains("recovery kit");
    }

    @Test
    void missingRepositoryIsReportedAsSuch() {
        ExecResult result = restic("never-created", PASSWORD).run(ResticCommands.snapshots());
        OpenHavenException failure = ResticFailure.of("list the snapshots", s3.repository("havens", "never-created"),
                result);

        assertThat(failure.category()).isEqualTo(ErrorCategory.CONFIG);
        assertThat(failure.userMessage()).contains("there is no backup repository");
    }

    /**
     * A backup SIGKILLed mid-upload leaves a lock and unreferenced packs behind. Decision: the next run first
     * removes stale locks ({@code restic unlock}, which keeps live ones), exactly as the server script does; after
     * that the repository checks clean and the next backup succeeds and restores.
     */
    @Test
    void backupKilledMidwayLeavesARepositoryThatChecksCleanAndAcceptsTheNextRun() throws Exception {
        Path data = work.resolve("big");
        FileTrees.generate(data, 160L << 20, 7);
        LocalCommandRunner restic = restic("killed", PASSWORD);
        restic.ok(ResticCommands.init());

        Path out = work.resolve("killed-out.jsonl");
        Process process = restic.start(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of()), out,
                work.resolve("killed-err.txt"));
        waitUntilSomeDataIsUploaded(process, out);
        process.destroyForcibly(); // SIGKILL on Linux: no chance to clean up
        process.waitFor(30, TimeUnit.SECONDS);
        assertThat(snapshotCount(restic)).as("the killed run must not have finished").isZero();

        restic.ok(ResticCommands.unlock());
        restic.ok(ResticCommands.check(0));
        ExecResult next = restic.ok(ResticCommands.backup(HAVEN, List.of(data.toString()), List.of()));
        restic.ok(ResticCommands.check(0));

        String snapshotId = BackupStatusParser.snapshotIdFromRunOutput(next.stdout()).orElseThrow();
        Path target = work.resolve("restored");
        restic.ok(ResticCommands.restore(snapshotId, HAVEN, List.of(data.toString()), target.toString()));
        FileTrees.assertIdentical(data, target.resolve(data.toString().substring(1)));
    }

    private static void waitUntilSomeDataIsUploaded(Process process, Path out) throws Exception {
        // restic --json prints status lines with bytes_done; wait (bounded) until a few MiB are through.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            List<String> lines = Files.readAllLines(out);
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 3); i--) {
                if (lines.get(i).contains("\"bytes_done\"")
                        && JSON.readTree(lines.get(i)).path("bytes_done").asLong() > (8L << 20)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("restic must still be running when it is killed").isTrue();
    }

    private static int snapshotCount(LocalCommandRunner restic) throws IOException {
        JsonNode list = JSON.readTree(restic.ok(ResticCommands.snapshots()).stdout());
        return list.size();
    }
}
