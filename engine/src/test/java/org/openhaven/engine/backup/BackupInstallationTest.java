package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.testsupport.Requirements;

class BackupInstallationTest {

    static final BackupPlan PLAN = BackupPlan.of("my-haven",
            new BackupSpec(null, "eu-central-1", "b", "p", "02:15", new BackupSpec.Retention(7, 4, 6)),
            List.of(ServiceBackup.files("gitea", "gitea-data"),
                    new ServiceBackup("nextcloud", List.of("nextcloud", "nextcloud-cron"),
                            List.of("nextcloud-html", "nextcloud-data"), List.of(), List.of(), List.of())
                            .withDump(new DatabaseDump("nextcloud-db",
                                    "pg_dump --username=nextcloud --clean --if-exists nextcloud", "nextcloud.sql"))
                            .withOccMaintenanceMode("nextcloud")));

    private static final ResticRepository REPO = ResticRepository.of(
            new BackupSpec(null, "eu-central-1", "haven-backups", "home", null, null));
    private static final BackupCredentials CREDENTIALS = new BackupCredentials(Secret.of("pw 'quoted'"),
            Secret.of("AKIAEXAMPLE"), Secret.of("s3cr3t/key"));

    @Test
    void scriptDumpsPausesSnapshotsAndPrunesWithExactCommands() {
        String script = BackupInstallation.script(PLAN);

        assertThat(script).contains("  /opt/openhaven/backup/openhaven-backup in-service nextcloud-db sh -c "
                + "'pg_dump --username=nextcloud --clean --if-exists nextcloud' > "
                + "\"/opt/openhaven/backup/dumps/nextcloud.sql.partial\" "
                + "|| fail \"the database in nextcloud-db could not be dumped\"\n");
        assertThat(script).contains("  /opt/openhaven/backup/openhaven-backup in-service-as www-data nextcloud php occ "
                + "maintenance:mode --on || fail \"the service nextcloud could not be paused for the snapshot\"\n");
        assertThat(script).contains("  /opt/openhaven/backup/openhaven-backup in-service-as www-data nextcloud php occ "
                + "maintenance:mode --off || rc=1\n");
        assertThat(script).contains("  restic backup --json --host my-haven /opt/openhaven/backup/dumps "
                + "/var/lib/docker/volumes/openhaven_gitea-data/_data "
                + "/var/lib/docker/volumes/openhaven_nextcloud-data/_data "
                + "/var/lib/docker/volumes/openhaven_nextcloud-html/_data --tag \"$tag\" > \"$LOG\"\n");
        assertThat(script).contains("  restic forget --host my-haven --group-by host --keep-daily 7 --keep-weekly 4 "
                + "--keep-monthly 6 --prune > /dev/null");
        assertThat(script).contains("  restic check --read-data-subset=5% || result=failed");
        assertThat(script).doesNotContain("{{").doesNotContain("AKIAEXAMPLE");
    }

    @Test
    void renderedScriptPassesShellcheck(@TempDir Path dir) throws IOException, InterruptedException {
        Path shellcheck = Requirements.command("shellcheck");
        Path script = dir.resolve("openhaven-backup");
        Files.writeString(script, BackupInstallation.script(PLAN));
        Process process = new ProcessBuilder(shellcheck.toString(), "--severity=style", script.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void timersRunDailyAtTheScheduleAndCheckWeeklyTwoHoursLater() {
        List<ServerFile> files = BackupInstallation.files(PLAN, REPO, CREDENTIALS);
        assertThat(content(files, "/etc/systemd/system/openhaven-backup.timer"))
                .contains("OnCalendar=*-*-* 02:15:00\n").contains("Persistent=true\n");
        assertThat(content(files, "/etc/systemd/system/openhaven-backup-check.timer"))
                .contains("OnCalendar=Sun *-*-* 04:15:00\n");
        assertThat(content(files, "/etc/systemd/system/openhaven-backup.service"))
                .contains("ExecStart=/opt/openhaven/backup/openhaven-backup run scheduled\n");
        assertThat(BackupInstallation.checkTime("23:05")).isEqualTo("01:05");
    }

    @Test
    void envFileIsRootOnlyAndQuotesEveryValue() {
        ServerFile env = BackupInstallation.files(PLAN, REPO, CREDENTIALS).stream()
                .filter(f -> f.path().equals(BackupLayout.ENV_FILE)).findFirst().orElseThrow();

        assertThat(env.mode()).isEqualTo("0600");
        assertThat(env.content().reveal()).endsWith("""
                RESTIC_REPOSITORY=s3:https://s3.eu-central-1.amazonaws.com/haven-backups/home
                RESTIC_PASSWORD='pw '\\''quoted'\\'''
                AWS_ACCESS_KEY_ID=AKIAEXAMPLE
                AWS_SECRET_ACCESS_KEY=s3cr3t/key
                AWS_DEFAULT_REGION=eu-central-1
                """);
        assertThat(env.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void activationCreatesTheDirectoryAndEnablesBothTimers() {
        assertThat(BackupInstallation.activate().stream().map(RemoteCommand::shellLine)).containsExactly(
                "install -d -m 0700 -o root /opt/openhaven/backup /opt/openhaven/backup/dumps",
                "systemctl daemon-reload",
                "systemctl enable --now openhaven-backup.timer openhaven-backup-check.timer");
    }

    private static String content(List<ServerFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content().reveal();
    }
}
