package org.openhaven.engine.backup;

import org.openhaven.engine.remote.ExecResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The rendered server script, run for real: bash, restic and a real S3 server. It runs in a private mount
 * namespace whose {@code /opt} is a temporary directory, so it sees exactly the server layout
 * ({@code /opt/openhaven/backup}, {@code /opt/openhaven/data}) without touching this machine's {@code /opt}.
 * The plan holds file-only services; database dumps and maintenance mode need containers (lab host).
 */
class BackupScriptIT {

    private static final String HAVEN = "script-haven";
    private static S3Server s3;

    @TempDir
    Path work;

    @BeforeAll
    static void startS3() throws Exception {
        Requirements.root();
        Requirements.command("unshare");
        Requirements.command("restic");
        s3 = S3Server.start();
        s3.ensureBucket(s3.repository("script", ""));
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void scheduledRunRecordsSuccessAndItsSnapshotRestoresTheWipedData() throws Exception {
        Path opt = install(BackupSpec.Retention.DEFAULT, "the-password");
        Path gitea = opt.resolve("openhaven/data/gitea");
        FileTrees.generate(gitea, 6L << 20, 3);
        Path original = work.resolve("original");
        copyTree(gitea, original);

        ExecResult run = onServer(opt, BackupLayout.SCRIPT, "run", "manual");
        assertThat(run.exitCode()).as(run.stderr()).isZero();

        BackupStatus status = BackupStatusParser.parse(Files.readString(opt.resolve("openhaven/backup/status.json")))
                .orElseThrow();
        assertThat(status.lastRunSucceeded()).isTrue();
        BackupStatus.Snapshot last = status.lastSuccess().orElseThrow();
        assertThat(last.tag()).isEqualTo("manual");
        assertThat(last.snapshotId()).isEqualTo(BackupStatusParser.snapshotIdFromRunOutput(run.stdout()).orElseThrow());
        assertThat(last.bytesProcessed()).isGreaterThanOrEqualTo(6L << 20);
        assertThat(BackupHealth.assess(java.util.Optional.of(status), status.finishedAt()))
                .isEqualTo(BackupHealth.HEALTHY);

        deleteTree(gitea);
        RemoteCommand restore = ResticCommands.onServer(ResticCommands.restore(last.snapshotId(), HAVEN,
                List.of("/opt/openhaven/data/gitea"), "/"));
        ExecResult restored = onServer(opt, restore.argv().toArray(String[]::new));
        assertThat(restored.exitCode()).as(restored.stderr()).isZero();
        FileTrees.assertIdentical(original, gitea);
    }

    @Test
    void wrongPasswordFailsTheRunAndKeepsTheLastSuccessInTheStatus() throws Exception {
        Path opt = install(BackupSpec.Retention.DEFAULT, "first-password");
        Files.createDirectories(opt.resolve("openhaven/data/gitea"));
        Files.writeString(opt.resolve("openhaven/data/gitea/repo.txt"), "code");
        assertThat(onServer(opt, BackupLayout.SCRIPT, "run").exitCode()).isZero();

        writeEnv(opt, "a different password");
        ExecResult failed = onServer(opt, BackupLayout.SCRIPT, "run");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).contains("the backup repository could not be opened or created");
        BackupStatus status = BackupStatusParser.parse(Files.readString(opt.resolve("openhaven/backup/status.json")))
                .orElseThrow();
        assertThat(status.lastRunSucceeded()).isFalse();
        assertThat(status.error()).contains("the backup repository could not be opened or created");
        assertThat(status.lastSuccess()).isPresent();
        assertThat(BackupHealth.assess(java.util.Optional.of(status), status.finishedAt()))
                .isEqualTo(BackupHealth.FAILED);
    }

    @Test
    void retentionRunsAfterEachBackupAndTheWeeklyCheckRecordsItsResult() throws Exception {
        Path opt = install(new BackupSpec.Retention(1, 0, 0), "pw");
        Files.createDirectories(opt.resolve("openhaven/data/gitea"));
        for (int i = 0; i < 2; i++) {
            Files.writeString(opt.resolve("openhaven/data/gitea/repo.txt"), "version " + i);
            assertThat(onServer(opt, BackupLayout.SCRIPT, "run").exitCode()).isZero();
        }
        ExecResult list = onServer(opt, BackupLayout.SCRIPT, "restic", "snapshots", "--json");
        assertThat(SnapshotList.parse(list.stdout())).hasSize(1);

        ExecResult check = onServer(opt, BackupLayout.SCRIPT, "check");
        assertThat(check.exitCode()).as(check.stderr()).isZero();
        assertThat(opt.resolve("openhaven/backup/check.json")).content().contains("\"result\":\"success\"");
    }

    /** Writes the installation's files under {@code work/opt} as they would lie under the server's /opt. */
    private Path install(BackupSpec.Retention retention, String password) throws IOException {
        Path opt = work.resolve("opt");
        BackupPlan plan = new BackupPlan(HAVEN, List.of(ServiceBackup.files("gitea", "/opt/openhaven/data/gitea")), "03:30", retention);
        for (ServerFile file : BackupInstallation.files(plan, s3.repository("script", work.getFileName().toString()),
                s3.credentials(password))) {
            if (file.path().startsWith("/opt/")) {
                write(opt, file);
            }
        }
        return opt;
    }

    private void writeEnv(Path opt, String password) throws IOException {
        write(opt, new ServerFile(BackupLayout.ENV_FILE, "0600", ResticEnvironment.envFile(
                s3.repository("script", work.getFileName().toString()), s3.credentials(password))));
    }

    private static void write(Path opt, ServerFile file) throws IOException {
        Path target = opt.resolve(file.path().substring("/opt/".length()));
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content().reveal());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                file.mode().equals("0700") ? "rwx------" : file.mode().equals("0600") ? "rw-------" : "rw-r--r--"));
    }

    /** Runs argv as root in a private mount namespace where {@code opt} is mounted on /opt. */
    private ExecResult onServer(Path opt, String... argv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" /opt && exec \"$@\"", opt.toString()));
        command.addAll(List.of(argv));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("RESTIC_CACHE_DIR", work.resolve("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the script finished").isTrue();
        return new ExecResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
