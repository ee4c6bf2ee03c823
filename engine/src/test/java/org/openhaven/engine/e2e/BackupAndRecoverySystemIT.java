package org.openhaven.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openhaven.engine.providers.crash.StatefulProviderFake;
import org.openhaven.engine.testsupport.BridgeS3Server;
import org.openhaven.engine.testsupport.CliProcess;
import org.openhaven.engine.testsupport.LabHost;
import org.openhaven.engine.testsupport.Requirements;

/**
 * Backups over real SSH on a lab host, through the real CLI in a child JVM (see {@link ProductCli}): {@code apply}
 * installs the backup (bucket, script, env file, timers), {@code backup now} snapshots the stand-in services' data
 * volumes and their database dump with the lab host's own restic (Debian) into s3proxy, {@code backup list} and
 * {@code status} read it back, and {@code restore} brings wiped data back byte for byte.
 *
 * <ul>
 *   <li>The cloud is the stateful Hetzner + Cloudflare contract fake; its server is the lab host.</li>
 *   <li>The services are STAND-INS from {@code standin-catalog/}: busybox httpd with the real services' data volumes,
 *       and a gitea-db whose {@code pg_dump}/{@code psql} are two-line scripts over a file, so the backup's dump and
 *       the restore's load run their real commands.</li>
 *   <li>The S3 storage is s3proxy on the lab bridge's host address, reachable from this JVM and the lab host alike.</li>
 *   <li>The lab container runs no init, so a STAND-IN {@code systemctl} records what the engine asks of systemd; the
 *       units themselves are not started here (the backup runs on demand through the same script they run).</li>
 * </ul>
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupAndRecoverySystemIT {

    private static final String TOKEN = "backup-e2e-token";
    private static final String PASSPHRASE = "correct horse battery staple backups";
    private static final String STANDIN_IMAGE = "openhaven-standin/busybox:1.0.0";
    private static final String SYSTEMCTL_LOG = "/var/log/systemctl-standin.log";
    private static final String VOLUMES = "/var/lib/docker/volumes/";
    private static final List<String> DATA_VOLUMES = List.of("openhaven_vaultwarden-data", "openhaven_gitea-data");
    private static final String DATABASE_FILE = VOLUMES + "openhaven_gitea-db/_data/gitea.db";

    private Path work;
    private LabHost lab;
    private LabHost secondLab;
    /** Where the next server the cloud fake creates runs. */
    private volatile LabHost nextServer;
    private BridgeS3Server s3;
    private StatefulProviderFake cloud;
    private ProductCli cli;
    private String dataBeforeBackup;
    private String snapshot;

    @BeforeAll
    void startStorageCloudAndLabHost() throws IOException, InterruptedException {
        Requirements.root();
        Requirements.linux();
        work = Files.createTempDirectory("openhaven-backup-e2e");
        lab = LabHost.fresh();
        prepare(lab);
        nextServer = lab;
        s3 = BridgeS3Server.start(lab.engine());
        cloud = new StatefulProviderFake();
        cloud.publicIpv4(lab.address());
        cloud.requireToken(TOKEN);
        cloud.onServerCreated(this::installUploadedKeyForRoot);
        cli = new ProductCli(work, Duration.ofMinutes(8))
                .env("OPENHAVEN_HOME", work.resolve("home").toString())
                .env("OPENHAVEN_PASSPHRASE", PASSPHRASE)
                .env("OPENHAVEN_HETZNER_ENDPOINT", cloud.hetznerEndpoint())
                .env("OPENHAVEN_CLOUDFLARE_ENDPOINT", cloud.cloudflareEndpoint())
                .env("OPENHAVEN_CATALOG_OVERRIDES", LabServers.standInCatalog().toString())
                .env("OPENHAVEN_BOOTSTRAP_SKIP_PACKAGES", "true");
        Files.writeString(work.resolve("haven.yaml"), """
                name: vault
                domain: vault.example.org
                owner: {name: Ada Lovelace, email: ada@example.org}
                server: {provider: hetzner, region: fsn1, size: cx22}
                dns: {provider: cloudflare}
                services: [vaultwarden, gitea]
                backup: {endpoint: "%s", bucket: haven-backups, prefix: vault}
                """.formatted(s3.endpoint()));
        secret("--spec", "haven.yaml", "hetzner/token", TOKEN);
        secret("--haven", "vault", "cloudflare/api-token", TOKEN);
        secret("--haven", "vault", "backup/s3-access-key-id", BridgeS3Server.ACCESS_KEY);
        secret("--haven", "vault", "backup/s3-secret-access-key", BridgeS3Server.SECRET_KEY);
    }

    @AfterAll
    void stop() throws IOException {
        if (cloud != null) {
            cloud.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (lab != null) {
            lab.remove();
        }
        if (secondLab != null) {
            secondLab.remove();
        }
        if (work != null) {
            LabServers.deleteTree(work);
        }
    }

    @Test
    @Order(1)
    void applyInstallsTheBackupScriptRootOnlyCredentialsAndBothTimers() throws Exception {
        CliProcess.Result apply = cli.run("", "apply", "--yes");

        assertThat(apply.exitCode()).as(ProductCli.describe(apply)).isZero();
        assertThat(lab.exec("stat", "-c", "%a %U", "/opt/openhaven/backup/openhaven-backup").strip())
                .isEqualTo("700 root");
        assertThat(lab.exec("stat", "-c", "%a %U", "/opt/openhaven/backup/backup.env").strip())
                .isEqualTo("600 root");
        assertThat(lab.exec("cat", SYSTEMCTL_LOG).lines())
                .contains("daemon-reload", "enable --now openhaven-backup.timer openhaven-backup-check.timer");
        assertThat(apply.out() + apply.err()).doesNotContain(BridgeS3Server.SECRET_KEY);
    }

    @Test
    @Order(2)
    void backupNowSnapshotsTheVolumesAndTheDatabaseDumpAndListAndStatusShowIt() throws Exception {
        writeData(lab);
        dataBeforeBackup = data(lab);
        assertThat(dataBeforeBackup.lines().filter(l -> l.contains("blob.bin") || l.contains("db.sqlite3")))
                .hasSize(4);

        CliProcess.Result now = cli.run("", "backup", "now");

        assertThat(now.exitCode()).as(ProductCli.describe(now)).isZero();
        Matcher id = Pattern.compile("snapshot ([0-9a-f]{8})\\.").matcher(now.out());
        assertThat(id.find()).as(now.out()).isTrue();
        snapshot = id.group(1);
        assertThat(lab.exec("cat", "/opt/openhaven/backup/dumps/gitea.sql"))
                .as("the dump made before the snapshot").isEqualTo("rows of the gitea database\n");

        CliProcess.Result list = cli.run("", "backup", "list");
        assertThat(list.exitCode()).as(ProductCli.describe(list)).isZero();
        assertThat(list.out().lines()).anyMatch(l -> l.startsWith(snapshot) && l.endsWith("manual"));

        CliProcess.Result status = cli.run("", "status");
        assertThat(status.exitCode()).as(ProductCli.describe(status)).isZero();
        assertThat(status.out()).contains("Backups: healthy").containsPattern("Last success: .* snapshot " + snapshot);
    }

    @Test
    @Order(3)
    void restoreBringsWipedVolumesAndTheDatabaseBackByteForByte() throws Exception {
        for (String volume : DATA_VOLUMES) {
            lab.exec("sh", "-c", "rm -rf " + VOLUMES + volume + "/_data/*");
        }
        lab.exec("sh", "-c", "echo 'a mistaken migration' > " + DATABASE_FILE);
        assertThat(data(lab)).isNotEqualTo(dataBeforeBackup);

        CliProcess.Result restore = cli.run("", "restore", "--yes", "--snapshot", snapshot);

        assertThat(restore.exitCode()).as(ProductCli.describe(restore)).isZero();
        assertThat(data(lab)).isEqualTo(dataBeforeBackup);
        assertThat(lab.exec("docker", "ps", "--format", "{{.Names}} {{.Status}}").lines()
                .filter(l -> l.contains("(healthy)")).count()).isEqualTo(5);
    }

    @Test
    @Order(4)
    void recoverOnANewComputerBuildsASecondServerPointsDnsAtItAndRestoresEveryByte() throws Exception {
        CliProcess.Result kit = cli.run("", "backup", "kit", "--out", "kit.txt");
        assertThat(kit.exitCode()).as(ProductCli.describe(kit)).isZero();
        String oldServerId = cloud.all("servers").get(0).path("id").asText();
        secondLab = LabHost.fresh();
        prepare(secondLab);
        nextServer = secondLab;
        cloud.publicIpv4(secondLab.address());
        // The old computer is gone: a new home, the tokens entered again; the kit, the spec and the S3 keys remain.
        cli.env("OPENHAVEN_HOME", work.resolve("new-home").toString());
        secret("--spec", "haven.yaml", "hetzner/token", TOKEN);
        secret("--haven", "vault", "cloudflare/api-token", TOKEN);
        cli.env("OPENHAVEN_BACKUP_ACCESS_KEY_ID", BridgeS3Server.ACCESS_KEY)
                .env("OPENHAVEN_BACKUP_SECRET_ACCESS_KEY", "a-mistyped-secret");
        CliProcess.Result mistyped = cli.run("", "recover", "--kit", "kit.txt", "--spec", "haven.yaml", "--yes");
        assertThat(mistyped.exitCode()).as(ProductCli.describe(mistyped)).isEqualTo(1);
        assertThat(mistyped.err()).contains("rejected the S3 keys").doesNotContain("a-mistyped-secret")
                .doesNotContain("Exception");
        assertThat(cloud.all("servers")).as("no server is paid for before the keys work").hasSize(1);
        cli.env("OPENHAVEN_BACKUP_SECRET_ACCESS_KEY", BridgeS3Server.SECRET_KEY);

        CliProcess.Result recover = cli.run("", "recover", "--kit", "kit.txt", "--spec", "haven.yaml", "--yes");

        assertThat(recover.exitCode()).as(ProductCli.describe(recover)).isZero();
        assertThat(recover.out()).contains("Recovered vault.example.org from snapshot " + snapshot)
                .contains("The old server vault-server (id " + oldServerId + ", " + lab.address() + ") was kept");
        assertThat(cloud.all("servers")).extracting(n -> n.path("name").asText())
                .containsExactlyInAnyOrder("vault-server", "vault-server-2");
        assertThat(cloud.all("dns_records")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("content").asText()).isEqualTo(secondLab.address()));
        assertThat(data(secondLab)).isEqualTo(dataBeforeBackup);
        assertThat(secondLab.exec("stat", "-c", "%a %U", "/opt/openhaven/backup/backup.env").strip())
                .isEqualTo("600 root");
        assertThat(recover.out() + recover.err()).doesNotContain(BridgeS3Server.SECRET_KEY);

        CliProcess.Result status = cli.run("", "status");
        assertThat(status.exitCode()).as(ProductCli.describe(status)).isZero();
        assertThat(status.out()).contains("vault-server (replaced)").contains("vault-server-2")
                .doesNotContain("recovery in progress");
    }

    /** Root filesystem tweaks a real server does not need: the stand-in image's exact tag and systemctl. */
    private static void prepare(LabHost host) {
        host.exec("docker", "tag", LabHost.STANDIN_IMAGE, STANDIN_IMAGE);
        host.exec("sh", "-c", "printf '%s\\n' '#!/bin/sh' "
                + "'# STAND-IN: the lab container runs no init; this records what OpenHaven asks of systemd.' "
                + "'echo \"$*\" >> " + SYSTEMCTL_LOG + "' > /usr/local/bin/systemctl"
                + " && chmod 0755 /usr/local/bin/systemctl");
    }

    /** Binary files in both data volumes (one in a sub-directory with a space in its name) and a database row. */
    private static void writeData(LabHost host) {
        for (String volume : DATA_VOLUMES) {
            String data = VOLUMES + volume + "/_data";
            host.exec("sh", "-c", "mkdir -p '" + data + "/attachments/of ada' && head -c 300000 /dev/urandom > '"
                    + data + "/attachments/of ada/blob.bin' && head -c 4097 /dev/urandom > " + data + "/db.sqlite3"
                    + " && chmod 0640 " + data + "/db.sqlite3");
        }
        host.exec("sh", "-c", "echo 'rows of the gitea database' > " + DATABASE_FILE);
    }

    /** Every data file's path, mode, owner and SHA-256, and the database's content. */
    private static String data(LabHost host) {
        String volumes = DATA_VOLUMES.stream().map(v -> "'" + VOLUMES + v + "/_data'").collect(Collectors.joining(" "));
        return host.exec("sh", "-c", "find " + volumes + " -type f -printf '%p %m %u ' -exec sha256sum {} \\; | sort")
                + host.exec("cat", DATABASE_FILE);
    }

    private void secret(String scope, String haven, String key, String value)
            throws IOException, InterruptedException {
        CliProcess.Result set = cli.run(value, "secrets", "set", scope, haven, key);
        assertThat(set.exitCode()).as(ProductCli.describe(set)).isZero();
    }

    /** What Hetzner does when a server boots with ssh_keys: authorize them for root (here: the lab host's root). */
    private void installUploadedKeyForRoot(ObjectNode server) {
        LabServers.authorizeUploadedKeys(cloud, nextServer);
    }

}
