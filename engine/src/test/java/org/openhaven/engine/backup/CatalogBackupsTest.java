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
    void servicesWithoutDataAreLeftOut() {
        assertThat(CatalogBackups.of(catalog, catalog.resolve(catalog.selectableIds())))
                .allMatch(ServiceBackup::hasData);
    }
}
