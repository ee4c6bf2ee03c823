package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.spec.BackupSpec;

class ResticCommandsTest {

    @Test
    void backupRecordsTheHavenAsHostAndTagsEachRun() {
        assertThat(ResticCommands.backup("my-haven", List.of("/opt/openhaven/backup/dumps", "/opt/openhaven/data/gitea"),
                List.of("pre-deploy")).shellLine())
                .isEqualTo("restic backup --json --host my-haven --tag pre-deploy /opt/openhaven/backup/dumps "
                        + "/opt/openhaven/data/gitea");
    }

    @Test
    void forgetAppliesTheSpecRetentionAcrossPathChangesAndPrunes() {
        assertThat(ResticCommands.forget("my-haven", new BackupSpec.Retention(7, 4, 6)).shellLine())
                .isEqualTo("restic forget --host my-haven --group-by host --keep-daily 7 --keep-weekly 4 "
                        + "--keep-monthly 6 --prune");
    }

    @Test
    void checkReadsBackAShareOfTheDataWhenAsked() {
        assertThat(ResticCommands.check(5).shellLine()).isEqualTo("restic check --read-data-subset=5%");
        assertThat(ResticCommands.check(0).shellLine()).isEqualTo("restic check");
    }

    @Test
    void restoreLimitsToTheIncludedPathsOfTheHaven() {
        assertThat(ResticCommands.restore("latest", "my-haven", List.of("/opt/openhaven/data/gitea"), "/").shellLine())
                .isEqualTo("restic restore latest --host my-haven --target / --include /opt/openhaven/data/gitea");
    }

    @Test
    void simpleCommandsAreExact() {
        assertThat(ResticCommands.init().shellLine()).isEqualTo("restic init");
        assertThat(ResticCommands.catConfig().shellLine()).isEqualTo("restic cat config");
        assertThat(ResticCommands.snapshots().shellLine()).isEqualTo("restic snapshots --json");
        assertThat(ResticCommands.unlock().shellLine()).isEqualTo("restic unlock");
    }

    @Test
    void onServerRoutesThroughTheBackupScriptThatLoadsTheCredentials() {
        assertThat(ResticCommands.onServer(ResticCommands.snapshots()).shellLine())
                .isEqualTo("/opt/openhaven/backup/openhaven-backup restic snapshots --json");
    }

    @Test
    void databaseDumpAndRestoreGoThroughTheServiceContainer() {
        DatabaseDump dump = new DatabaseDump("gitea-db", "pg_dump --username=gitea --clean --if-exists gitea",
                "gitea.sql");
        assertThat(dump.dumpCommand().shellLine()).isEqualTo("/opt/openhaven/backup/openhaven-backup in-service "
                + "gitea-db sh -c 'pg_dump --username=gitea --clean --if-exists gitea'");
        assertThat(dump.restoreCommand().shellLine()).isEqualTo("/opt/openhaven/backup/openhaven-backup feed "
                + "/opt/openhaven/backup/dumps/gitea.sql gitea-db sh -c "
                + "'psql --set=ON_ERROR_STOP=1 --quiet --username=gitea --dbname=gitea'");
        assertThat(new DatabaseDump("db", "cat /data/db", "db.txt", "cat > /data/db").restoreCommand().shellLine())
                .isEqualTo("/opt/openhaven/backup/openhaven-backup feed /opt/openhaven/backup/dumps/db.txt db sh -c "
                        + "'cat > /data/db'");
    }
}
