package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.testsupport.Requirements;

/**
 * The backup script against real containers on a real Docker engine: the database dump is taken inside the
 * database's container, the maintenance hooks run inside the app's container (as www-data) on either side of the
 * snapshot, and a restore stops the app, restores its data byte for byte and loads the dump back into the running
 * database. The containers are STAND-INS (busybox): no service image can be pulled here, so the "database" is a
 * file that a shell command dumps and loads, while everything OpenHaven does around it is real.
 */
class BackupWithContainersIT {

    private static final String HAVEN = "container-haven";
    private static S3Server s3;
    private static LocalDockerEngine docker;
    private static LocalDockerEngine secondServerDocker;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        Requirements.root();
        Requirements.command("dockerd");
        Requirements.command("docker");
        Requirements.command("restic");
        Requirements.command("unshare");
        Path busybox = Requirements.file(Path.of("/bin/busybox"), "busybox-static");
        s3 = S3Server.start();
        s3.ensureBucket(s3.repository("containers", ""));
        docker = LocalDockerEngine.start(busybox);
        secondServerDocker = LocalDockerEngine.start(busybox);
    }

    @AfterAll
    static void stop() throws Exception {
        if (docker != null) {
            docker.close();
        }
        if (secondServerDocker != null) {
            secondServerDocker.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void dumpAndHooksRunInTheContainersAndARestoreBringsDataAndDatabaseBack() throws Exception {
        ServerSandbox server = new ServerSandbox(work).withEnvironment("DOCKER_HOST", docker.host());
        Path appData = Files.createDirectories(server.path("/opt/openhaven/data/app"));
        FileTrees.generate(appData, 3L << 20, 11);
        String db = docker.runService("app-db");
        docker.exec(db, "mkdir -p /db && echo 'row 1: alice' > /db/table && echo 'row 2: bob' >> /db/table");
        String app = docker.runService("app", "-v", appData + ":/appdata");

        DatabaseDump dump = new DatabaseDump("app-db", "cat /db/table", "app.sql", "cat > /db/table");
        ServiceBackup appService = new ServiceBackup("app", List.of("app"), List.of("/opt/openhaven/data/app"),
                List.of(), List.of(hook("on")), List.of(hook("off")));
        ServiceBackup dbService = new ServiceBackup("app-db", List.of("app-db"), List.of(), List.of(dump), List.of(),
                List.of());
        BackupPlan plan = new BackupPlan(HAVEN, List.of(dbService, appService), "03:30", BackupSpec.Retention.DEFAULT);
        server.install(BackupInstallation.files(plan, s3.repository("containers", "h"), s3.credentials("pw")));

        String summary = server.run(BackupLayout.SCRIPT, "run", "manual").ok().stdout();
        String snapshot = BackupStatusParser.snapshotIdFromRunOutput(summary).orElseThrow();

        assertThat(docker.exec(app, "cat /tmp/hooks")).as("maintenance on before, off after, as www-data")
                .isEqualTo("on www-data\noff www-data\n");
        assertThat(server.path(dump.file())).hasContent("row 1: alice\nrow 2: bob");

        // The disaster: the database is damaged and the app's files are gone.
        Path original = work.resolve("original");
        FileTrees.copy(appData, original);
        docker.exec(db, "echo 'row 1: mallory' > /db/table");
        try (var files = Files.list(appData)) {
            for (Path p : files.toList()) {
                FileTrees.delete(p);
            }
        }

        for (ServiceBackup service : plan.services()) {
            for (RemoteCommand command : RestorePlan.commands(HAVEN, service, snapshot, "20261124T2040Z")) {
                server.run(command.argv().toArray(String[]::new)).ok();
            }
        }

        FileTrees.assertIdentical(original, appData);
        assertThat(docker.exec(db, "cat /db/table")).isEqualTo("row 1: alice\nrow 2: bob\n");
        assertThat(docker.docker("inspect", "-f", "{{.State.Running}}", app).ok().trim()).isEqualTo("true");
        assertThat(server.path("/opt/openhaven/data/app.before-restore-20261124T2040Z")).isDirectory();
    }

    @Test
    void disasterRecoveryRebuildsEveryServiceOnAFreshServerFromTheKit() throws Exception {
        // The old server: data, a database, one nightly backup.
        ServerSandbox old = new ServerSandbox(Files.createDirectories(work.resolve("old")))
                .withEnvironment("DOCKER_HOST", docker.host());
        Path oldData = Files.createDirectories(old.path("/opt/openhaven/data/app"));
        FileTrees.generate(oldData, 2L << 20, 5);
        String oldDb = docker.runService("app-db");
        docker.exec(oldDb, "mkdir -p /db && echo 'invoices 2026' > /db/table");
        docker.runService("app", "-v", oldData + ":/appdata");
        BackupPlan plan = plan();
        ResticRepository repository = s3.repository("containers", "dr");
        old.install(BackupInstallation.files(plan, repository, s3.credentials("the kit password")));
        old.run(BackupLayout.SCRIPT, "run").ok();

        // The kit the user printed at setup is all that is left, besides the storage keys.
        Path kitFile = work.resolve("kit.md");
        RecoveryKitFile.write(new RecoveryKit(HAVEN, "example.org", repository,
                org.openhaven.engine.secrets.Secret.of("the kit password"), java.time.Instant.now()), kitFile);
        RecoveryKit kit = RecoveryKitFile.read(kitFile);

        // The new server as the deploy flow leaves it: the stack running with empty data.
        ServerSandbox fresh = new ServerSandbox(Files.createDirectories(work.resolve("new")))
                .withEnvironment("DOCKER_HOST", secondServerDocker.host());
        Path newData = Files.createDirectories(fresh.path("/opt/openhaven/data/app"));
        String newDb = secondServerDocker.runService("app-db");
        secondServerDocker.exec(newDb, "mkdir -p /db && : > /db/table");
        String newApp = secondServerDocker.runService("app", "-v", newData + ":/appdata");
        List<String> systemd = new java.util.ArrayList<>();
        List<String> healthChecked = new java.util.ArrayList<>();
        BackupCredentials credentials = new BackupCredentials(kit.password(), s3.credentials("").accessKeyId(),
                s3.credentials("").secretAccessKey());

        Restore.Result result = new DisasterRecovery(plan, kit, credentials, service -> {
            healthChecked.add(service);
            assertThat(running(secondServerDocker, service)).as("%s running", service).isTrue();
        }, event -> { }, java.time.Clock.systemUTC())
                .recover(() -> fresh.asRecoveryTarget(systemd), java.util.Optional.empty(), List.of("app-db", "app"));

        assertThat(result.services()).containsExactly("app-db", "app");
        FileTrees.assertIdentical(oldData, newData);
        assertThat(secondServerDocker.exec(newDb, "cat /db/table")).isEqualTo("invoices 2026\n");
        assertThat(secondServerDocker.exec(newApp, "ls /appdata")).isNotBlank();
        assertThat(systemd).contains("systemctl enable --now openhaven-backup.timer openhaven-backup-check.timer");
        assertThat(healthChecked).containsExactly("app-db", "app", "app-db", "app");
        // The new server continues the same history under the haven's id: its first run is retained in the same
        // daily slot the old server's snapshot held (one daily snapshot kept per day).
        String next = BackupStatusParser.snapshotIdFromRunOutput(fresh.run(BackupLayout.SCRIPT, "run").ok().stdout())
                .orElseThrow();
        assertThat(SnapshotList.parse(fresh.run(BackupLayout.SCRIPT, "restic", "snapshots", "--json").ok().stdout()))
                .singleElement().satisfies(s -> {
                    assertThat(s.id()).startsWith(next); // restic 0.14 reports the short id in its summary
                    assertThat(s.host()).isEqualTo(HAVEN);
                });
    }

    private static BackupPlan plan() {
        DatabaseDump dump = new DatabaseDump("app-db", "cat /db/table", "app.sql", "cat > /db/table");
        return new BackupPlan(HAVEN, List.of(
                new ServiceBackup("app-db", List.of("app-db"), List.of(), List.of(dump), List.of(), List.of()),
                new ServiceBackup("app", List.of("app"), List.of("/opt/openhaven/data/app"), List.of(),
                        List.of(hook("on")), List.of(hook("off")))),
                "03:30", BackupSpec.Retention.DEFAULT);
    }

    private static boolean running(LocalDockerEngine engine, String service) {
        try {
            return !engine.docker("ps", "-q", "--filter", "label=com.docker.compose.service=" + service).ok().isBlank();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in for Nextcloud's maintenance mode: records the switch and the user it ran as. */
    private static RemoteCommand hook(String state) {
        return RemoteCommand.of("maintenance " + state, BackupLayout.SCRIPT, "in-service-as", "www-data", "app",
                "sh", "-c", "echo \"" + state + " $(id -un)\" >> /tmp/hooks");
    }
}
