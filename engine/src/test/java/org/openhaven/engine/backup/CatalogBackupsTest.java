package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.catalog.Catalog;

class CatalogBackupsTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void nextcloudBringsItsVolumesItsDatabaseDumpAndMaintenanceMode() {
        List<ServiceBackup> services = CatalogBackups.of(catalog, catalog.resolve(List.of("nextcloud")));

        ServiceBackup nextcloud = services.stream().filter(s -> s.serviceId().equals("nextcloud")).findFirst()
                .orElseThrow();
        assertThat(nextcloud.containers()).contains("nextcloud", "nextcloud-cron");
        assertThat(nextcloud.hostPaths()).contains("/var/lib/docker/volumes/openhaven_nextcloud-data/_data");
        assertThat(nextcloud.quiesce()).singleElement().extracting(c -> c.shellLine()).isEqualTo(
                "/opt/openhaven/backup/openhaven-backup in-service-as www-data nextcloud php occ maintenance:mode --on");
        ServiceBackup db = services.stream().filter(s -> s.serviceId().equals("nextcloud-db")).findFirst()
                .orElseThrow();
        assertThat(db.dumps()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("/opt/openhaven/backup/dumps/nextcloud.sql");
            assertThat(d.restoreCommand().shellLine()).endsWith(
                    "'psql --set=ON_ERROR_STOP=1 --quiet --username=nextcloud --dbname=nextcloud'");
        });
    }

    @Test
    void everyCatalogDumpCanBeLoadedBack() {
        List<ServiceBackup> all = CatalogBackups.of(catalog, catalog.resolve(catalog.selectableIds()));
        assertThat(all).isNotEmpty();
        all.forEach(s -> s.dumps().forEach(d -> assertThat(d.restoreCommand().shellLine()).contains("psql")));
    }

    @Test
    void theCatalogsBackupEntryNamesTheFilesTheInstallationWrites() {
        List<String> written = BackupInstallation.files(BackupInstallationTest.PLAN,
                        ResticRepository.of(new org.openhaven.engine.spec.BackupSpec(null, "eu-1", "b", "", null, null)),
                        new BackupCredentials(org.openhaven.engine.secrets.Secret.of("p"),
                                org.openhaven.engine.secrets.Secret.of("a"), org.openhaven.engine.secrets.Secret.of("s")))
                .stream().map(ServerFile::path).filter(p -> !p.equals(BackupLayout.ENV_FILE)).toList();
        assertThat(catalog.definition("backup").files()).extracting(f -> f.target())
                .containsExactlyElementsOf(written);
        assertThat(catalog.definition("backup").runsOnHost()).isTrue();
    }

    @Test
    void servicesWithoutDataAreLeftOut() {
        assertThat(CatalogBackups.of(catalog, catalog.resolve(catalog.selectableIds())))
                .allMatch(ServiceBackup::hasData);
    }
}
