package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.secrets.InMemorySecretStore;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.testsupport.TestHavens;

/** Installing a haven's backup against a real S3 server (s3proxy); the server side is recorded, command by command. */
class HavenBackupsInstallIT {

    private S3Server s3;
    private final ScriptedServer server = new ScriptedServer();
    private final InMemorySecretStore vault = new InMemorySecretStore();

    @BeforeEach
    void start() throws Exception {
        s3 = S3Server.start();
        BackupCredentials keys = s3.credentials("unused");
        vault.put(BackupCredentials.ACCESS_KEY_ID_KEY, keys.accessKeyId());
        vault.put(BackupCredentials.SECRET_ACCESS_KEY_KEY, keys.secretAccessKey());
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private HavenBackup haven() {
        URI endpoint = s3.repository("x", "").endpoint();
        BackupSpec target = new BackupSpec(endpoint.toString(), null, "family-backups", "haven", "03:30", null);
        return HavenBackups.of(TestHavens.withBackup(TestHavens.cloudSpec("family"), target),
                Catalog.builtIn(), server, vault, id -> { });
    }

    @Test
    void installCreatesTheBucketWritesEveryFileThenStartsTheTimers() {
        List<String> log = new ArrayList<>();

        HavenBackups.install(haven(), log::add);

        assertThat(server.commands).containsExactly(
                "install -d -m 0700 /opt/openhaven/backup",
                write("/opt/openhaven/backup/openhaven-backup", "0700"),
                write("/etc/systemd/system/openhaven-backup.service", "0644"),
                write("/etc/systemd/system/openhaven-backup.timer", "0644"),
                write("/etc/systemd/system/openhaven-backup-check.service", "0644"),
                write("/etc/systemd/system/openhaven-backup-check.timer", "0644"),
                write("/opt/openhaven/backup/backup.env", "0600"),
                "install -d -m 0700 -o root /opt/openhaven/backup /opt/openhaven/backup/dumps",
                "systemctl daemon-reload",
                "systemctl enable --now openhaven-backup.timer openhaven-backup-check.timer");
        assertThat(log.get(0)).startsWith("created bucket 'family-backups'");
        assertThat(vault.keys()).contains(BackupCredentials.PASSWORD_KEY);
    }

    @Test
    void aSecondInstallFindsTheBucketAndKeepsTheRepositoryPassword() {
        HavenBackups.install(haven(), line -> { });
        var password = vault.find(BackupCredentials.PASSWORD_KEY).orElseThrow().reveal();
        List<String> log = new ArrayList<>();

        HavenBackups.install(haven(), log::add);

        assertThat(log.get(0)).startsWith("using bucket 'family-backups'");
        assertThat(vault.find(BackupCredentials.PASSWORD_KEY).orElseThrow().reveal()).isEqualTo(password);
        assertThat(server.commands).noneMatch(c -> c.contains("test-secret-key"));
    }

    private static String write(String path, String mode) {
        return org.openhaven.engine.remote.FileCommands.writeFromStdin(path, mode).shellLine();
    }
}
