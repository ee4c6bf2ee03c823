package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.testsupport.TestHavens;

class HavenBackupsTest {

    static final BackupSpec TARGET = new BackupSpec("https://s3.example.test", "eu-central", "family-backups",
            "haven", "02:15", null);

    private final Catalog catalog = Catalog.builtIn();
    private final ScriptedServer server = new ScriptedServer();
    private final InMemorySecretStore vault = new InMemorySecretStore();

    @Test
    void theHavensBackupCoversTheResolvedServicesWithData() {
        HavenBackup haven = HavenBackups.of(TestHavens.withBackup(TestHavens.cloudSpec("family", List.of("nextcloud")), TARGET),
                catalog, server, vault, id -> { });

        assertThat(haven.havenId()).isEqualTo("family");
        assertThat(haven.repository().resticUrl()).isEqualTo("s3:https://s3.example.test/family-backups/haven");
        assertThat(haven.plan().dailyAt()).isEqualTo("02:15");
        assertThat(haven.services()).isEqualTo(catalog.resolve(List.of("nextcloud")));
        assertThat(haven.plan().services()).extracting(ServiceBackup::serviceId).contains("nextcloud");
    }

    @Test
    void aHavenWithoutBackupTargetIsRefusedWithTheSettingToAdd() {
        assertThatThrownBy(() -> HavenBackups.of(TestHavens.cloudSpec("family"), catalog, server, vault, id -> { }))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("'family' has no backup target");
                    assertThat(e.remedy()).contains("backup section");
                });
    }

    @Test
    void installWithoutTheS3KeysNamesTheMissingKeyAndChangesNothing() {
        HavenBackup haven = HavenBackups.of(TestHavens.withBackup(TestHavens.cloudSpec("family"), TARGET), catalog, server,
                vault, id -> { });
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> HavenBackups.install(haven, log::add))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("backup/s3-access-key-id");
                    assertThat(e.remedy()).contains("openhaven secrets set backup/s3-access-key-id")
                            .contains("openhaven secrets set backup/s3-secret-access-key");
                });
        assertThat(server.commands).isEmpty();
        assertThat(vault.keys()).doesNotContain(BackupCredentials.PASSWORD_KEY);
    }

    @Test
    void installWithOnlyTheKeyIdNamesTheSecretKey() {
        vault.put(BackupCredentials.ACCESS_KEY_ID_KEY, Secret.of("AKIDEXAMPLE"));
        HavenBackup haven = HavenBackups.of(TestHavens.withBackup(TestHavens.cloudSpec("family"), TARGET), catalog, server,
                vault, id -> { });

        assertThatThrownBy(() -> HavenBackups.install(haven, line -> { }))
                .isInstanceOfSatisfying(OpenHavenException.class, e ->
                        assertThat(e.userMessage()).contains("'backup/s3-secret-access-key'"));
        assertThat(server.commands).isEmpty();
    }
}
