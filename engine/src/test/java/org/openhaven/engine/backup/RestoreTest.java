package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;

class RestoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T20:30:00Z"), ZoneOffset.UTC);
    private static final ResticRepository REPO = ResticRepository.of(
            new BackupSpec("http://127.0.0.1:9000", null, "b", "h", null, null));
    private static final String SNAPSHOTS = """
            [{"time":"2026-11-23T03:30:00Z","paths":[],"hostname":"my-haven","id":"aaaa1111ffff","short_id":"aaaa1111"},
             {"time":"2026-11-24T03:30:00Z","paths":[],"hostname":"my-haven","id":"bbbb2222ffff","short_id":"bbbb2222",\
            "tags":["scheduled"]}]""";
    private static final String LIST = "/opt/openhaven/backup/openhaven-backup restic snapshots";

    private final List<String> healthChecked = new ArrayList<>();
    private final List<ProgressEvent> events = new ArrayList<>();

    private Restore restore(ScriptedServer server) {
        return new Restore(BackupInstallationTest.PLAN, new BackupOperations(REPO, server), healthChecked::add,
                events::add, CLOCK);
    }

    @Test
    void restorePlanStopsSetsAsideRestoresLoadsDumpsAndStarts() {
        ServiceBackup nextcloud = BackupInstallationTest.PLAN.service("nextcloud").orElseThrow();
        assertThat(RestorePlan.commands("my-haven", nextcloud, "bbbb2222ffff", "20261124T203000Z")
                .stream().map(c -> c.shellLine())).containsExactly(
                "/opt/openhaven/backup/openhaven-backup stop-service nextcloud",
                "/opt/openhaven/backup/openhaven-backup stop-service nextcloud-cron",
                "/opt/openhaven/backup/openhaven-backup set-aside /var/lib/docker/volumes/openhaven_nextcloud-html/_data "
                        + "before-restore-20261124T203000Z",
                "/opt/openhaven/backup/openhaven-backup set-aside /var/lib/docker/volumes/openhaven_nextcloud-data/_data "
                        + "before-restore-20261124T203000Z",
                "/opt/openhaven/backup/openhaven-backup restic restore bbbb2222ffff --host my-haven --target / "
                        + "--include /var/lib/docker/volumes/openhaven_nextcloud-html/_data "
                        + "--include /var/lib/docker/volumes/openhaven_nextcloud-data/_data "
                        + "--include /opt/openhaven/backup/dumps/nextcloud.sql",
                "/opt/openhaven/backup/openhaven-backup start-service nextcloud",
                "/opt/openhaven/backup/openhaven-backup start-service nextcloud-cron",
                "/opt/openhaven/backup/openhaven-backup feed /opt/openhaven/backup/dumps/nextcloud.sql "
                        + "nextcloud-db sh -c 'psql --set=ON_ERROR_STOP=1 --quiet --username=nextcloud "
                        + "--dbname=nextcloud'");
    }

    @Test
    void databaseServiceIsNotStoppedSoItsDumpCanBeLoaded() {
        ServiceBackup db = new ServiceBackup("nextcloud-db", List.of("nextcloud-db"), List.of(), List.of(), List.of(),
                List.of()).withDump(new DatabaseDump("nextcloud-db",
                "pg_dump --username=nextcloud --clean --if-exists nextcloud", "nextcloud.sql"));
        assertThat(RestorePlan.commands("my-haven", db, "s1", "t").stream().map(c -> c.shellLine())).containsExactly(
                "/opt/openhaven/backup/openhaven-backup restic restore s1 --host my-haven --target / "
                        + "--include /opt/openhaven/backup/dumps/nextcloud.sql",
                "/opt/openhaven/backup/openhaven-backup feed /opt/openhaven/backup/dumps/nextcloud.sql nextcloud-db "
                        + "sh -c 'psql --set=ON_ERROR_STOP=1 --quiet --username=nextcloud --dbname=nextcloud'");
    }

    @Test
    void restoringOneServiceUsesTheNewestSnapshotAndWaitsForItsHealth() {
        ScriptedServer server = new ScriptedServer().answer(LIST, SNAPSHOTS);

        Restore.Result result = restore(server).restore(Optional.of("gitea"), Optional.empty());

        assertThat(result.snapshot().shortId()).isEqualTo("bbbb2222");
        assertThat(result.services()).containsExactly("gitea");
        assertThat(server.commands).contains("/opt/openhaven/backup/openhaven-backup restic restore bbbb2222ffff "
                + "--host my-haven --target / --include /var/lib/docker/volumes/openhaven_gitea-data/_data");
        assertThat(server.commands).noneMatch(c -> c.contains("nextcloud"));
        assertThat(healthChecked).containsExactly("gitea");
        assertThat(events).last().isInstanceOf(ProgressEvent.StepSucceeded.class);
    }

    @Test
    void restoringEverythingFromAChosenSnapshotCoversEveryServiceWithData() {
        ScriptedServer server = new ScriptedServer().answer(LIST, SNAPSHOTS);

        Restore.Result result = restore(server).restore(Optional.empty(), Optional.of("aaaa1111"));

        assertThat(result.snapshot().id()).isEqualTo("aaaa1111ffff");
        assertThat(result.services()).containsExactly("gitea", "nextcloud");
    }

    @Test
    void unknownSnapshotAndUnknownServiceSayWhatExists() {
        ScriptedServer server = new ScriptedServer().answer(LIST, SNAPSHOTS);
        assertThatThrownBy(() -> restore(server).restore(Optional.empty(), Optional.of("cafe")))
                .isInstanceOf(OpenHavenException.class).hasMessageContaining("no snapshot 'cafe'");
        assertThatThrownBy(() -> restore(server).restore(Optional.of("nextclod"), Optional.empty()))
                .isInstanceOfSatisfying(OpenHavenException.class, e ->
                        assertThat(e.remedy()).contains("gitea, nextcloud"));
    }

    @Test
    void emptyRepositoryStopsBeforeTouchingAnyService() {
        ScriptedServer server = new ScriptedServer().answer(LIST, "[]");
        assertThatThrownBy(() -> restore(server).restore(Optional.empty(), Optional.empty()))
                .isInstanceOf(OpenHavenException.class).hasMessageContaining("no backup of this haven yet");
        assertThat(server.commands).containsExactly(LIST + " --json");
    }

    @Test
    void failedStepNamesItAndPointsToTheDataKeptAside() {
        ScriptedServer server = new ScriptedServer().answer(LIST, SNAPSHOTS)
                .answer("/opt/openhaven/backup/openhaven-backup start-service gitea", new ExecResult(1, "", "boom"));

        assertThatThrownBy(() -> restore(server).restore(Optional.of("gitea"), Optional.empty()))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).contains("stopped at 'start gitea'");
                    assertThat(e.remedy()).contains(".before-restore-20261124T203000Z");
                });
        assertThat(healthChecked).isEmpty();
    }

    @Test
    void wrongPasswordDuringRestoreIsAnAuthFailure() {
        ScriptedServer server = new ScriptedServer().answer(LIST,
                new ExecResult(1, "", "Fatal: wrong password or no key found\n"));
        assertThatThrownBy(() -> restore(server).restore(Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(OpenHavenException.class, e ->
                        assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
    }

    @Test
    void preDeployBackupIsSkippedOnFirstDeployAndWhenNothingChanges() {
        ScriptedServer server = new ScriptedServer().answer("/opt/openhaven/backup/openhaven-backup run pre-deploy",
                "{\"message_type\":\"summary\",\"snapshot_id\":\"c0ffee00\"}\n");
        PreDeployBackup backup = new PreDeployBackup(new BackupOperations(REPO, server));

        assertThat(backup.run(true, true)).isEmpty();
        assertThat(backup.run(false, false)).isEmpty();
        assertThat(server.commands).isEmpty();
        assertThat(backup.run(false, true)).contains("c0ffee00");
        assertThat(server.commands).containsExactly("/opt/openhaven/backup/openhaven-backup run pre-deploy");
    }

    @Test
    void failedBackupReportsTheStageTheScriptNamed() {
        ScriptedServer server = new ScriptedServer().answer("/opt/openhaven/backup/openhaven-backup run",
                new ExecResult(1, "", "openhaven-backup: the database nextcloud could not be dumped\n"));
        assertThatThrownBy(() -> new BackupOperations(REPO, server).backupNow("manual"))
                .isInstanceOf(OpenHavenException.class)
                .hasMessage("The backup failed: the database nextcloud could not be dumped.");
    }

    @Test
    void disasterRecoveryInstallsTheKitPasswordRestoresAllAndChecksEveryService() {
        ScriptedServer newServer = new ScriptedServer().answer(LIST, SNAPSHOTS);
        RecoveryKit kit = new RecoveryKit("my-haven", "example.org", REPO, Secret.of("kit-password"),
                CLOCK.instant());
        BackupCredentials credentials = new BackupCredentials(kit.password(), Secret.of("id"), Secret.of("key"));

        Restore.Result result = new DisasterRecovery(BackupInstallationTest.PLAN, kit, credentials,
                healthChecked::add, events::add, CLOCK)
                .recover(() -> newServer, Optional.empty(), List.of("traefik", "gitea", "nextcloud"));

        assertThat(newServer.uploads).extracting(ServerFile::path).contains(BackupLayout.SCRIPT, BackupLayout.ENV_FILE);
        assertThat(newServer.uploads.stream().filter(f -> f.path().equals(BackupLayout.ENV_FILE)).findFirst()
                .orElseThrow().content().reveal()).contains("RESTIC_PASSWORD=kit-password");
        assertThat(newServer.commands.get(0)).startsWith("install -d");
        assertThat(result.services()).containsExactly("gitea", "nextcloud");
        assertThat(healthChecked).containsExactly("gitea", "nextcloud", "traefik", "gitea", "nextcloud");
    }
}
