package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.remote.ExecResult;
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
        ServerSandbox server = install(BackupSpec.Retention.DEFAULT, "the-password");
        Path gitea = server.path("/opt/openhaven/data/gitea");
        FileTrees.generate(gitea, 6L << 20, 3);
        Path original = work.resolve("original");
        FileTrees.copy(gitea, original);

        ServerSandbox.ExecResultWithArgv run = server.run(BackupLayout.SCRIPT, "run", "manual").ok();

        BackupStatus status = BackupStatusParser.parse(Files.readString(server.path(BackupLayout.STATUS_FILE)))
                .orElseThrow();
        assertThat(status.lastRunSucceeded()).isTrue();
        BackupStatus.Snapshot last = status.lastSuccess().orElseThrow();
        assertThat(last.tag()).isEqualTo("manual");
        assertThat(last.snapshotId()).isEqualTo(BackupStatusParser.snapshotIdFromRunOutput(run.stdout()).orElseThrow());
        assertThat(last.bytesProcessed()).isGreaterThanOrEqualTo(6L << 20);
        assertThat(BackupHealth.assess(java.util.Optional.of(status), status.finishedAt()))
                .isEqualTo(BackupHealth.HEALTHY);

        FileTrees.delete(gitea);
        RemoteCommand restore = ResticCommands.onServer(ResticCommands.restore(last.snapshotId(), HAVEN,
                List.of("/opt/openhaven/data/gitea"), "/"));
        server.run(restore.argv().toArray(String[]::new)).ok();
        FileTrees.assertIdentical(original, gitea);
    }

    @Test
    void wrongPasswordFailsTheRunAndKeepsTheLastSuccessInTheStatus() throws Exception {
        ServerSandbox server = install(BackupSpec.Retention.DEFAULT, "first-password");
        Files.createDirectories(server.path("/opt/openhaven/data/gitea"));
        Files.writeString(server.path("/opt/openhaven/data/gitea/repo.txt"), "code");
        server.run(BackupLayout.SCRIPT, "run").ok();

        server.write(new ServerFile(BackupLayout.ENV_FILE, "0600", ResticEnvironment.envFile(repository(),
                s3.credentials("a different password"))));
        ServerSandbox.ExecResultWithArgv failed = server.run(BackupLayout.SCRIPT, "run");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).contains("restic reported a wrong password for the repository");
        BackupStatus status = BackupStatusParser.parse(Files.readString(server.path(BackupLayout.STATUS_FILE)))
                .orElseThrow();
        assertThat(status.lastRunSucceeded()).isFalse();
        assertThat(status.error()).contains("restic reported a wrong password for the repository");
        assertThat(ResticFailure.of("back up", repository(), new ExecResult(failed.exitCode(), failed.stdout(),
                failed.stderr())).category()).isEqualTo(org.openhaven.engine.error.ErrorCategory.AUTH);
        assertThat(status.lastSuccess()).isPresent();
        assertThat(BackupHealth.assess(java.util.Optional.of(status), status.finishedAt()))
                .isEqualTo(BackupHealth.FAILED);
    }

    @Test
    void retentionRunsAfterEachBackupAndTheWeeklyCheckRecordsItsResult() throws Exception {
        ServerSandbox server = install(new BackupSpec.Retention(1, 0, 0), "pw");
        Files.createDirectories(server.path("/opt/openhaven/data/gitea"));
        for (int i = 0; i < 2; i++) {
            Files.writeString(server.path("/opt/openhaven/data/gitea/repo.txt"), "version " + i);
            server.run(BackupLayout.SCRIPT, "run").ok();
        }
        ServerSandbox.ExecResultWithArgv list = server.run(BackupLayout.SCRIPT, "restic", "snapshots", "--json").ok();
        assertThat(SnapshotList.parse(list.stdout())).hasSize(1);

        server.run(BackupLayout.SCRIPT, "check").ok();
        assertThat(server.path("/opt/openhaven/backup/check.json")).content().contains("\"result\":\"success\"");
    }

    /** The installation's files placed in a fresh sandbox, for a file-only service under /opt. */
    private ServerSandbox install(BackupSpec.Retention retention, String password) throws IOException {
        ServerSandbox sandbox = new ServerSandbox(work);
        BackupPlan plan = new BackupPlan(HAVEN, List.of(ServiceBackup.files("gitea", "/opt/openhaven/data/gitea")),
                "03:30", retention);
        sandbox.install(BackupInstallation.files(plan, repository(), s3.credentials(password)));
        return sandbox;
    }

    private ResticRepository repository() {
        return s3.repository("script", work.getFileName().toString());
    }
}
