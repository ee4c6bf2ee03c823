package org.openhaven.engine.backup;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.secrets.Secret;

/**
 * Renders what the server needs to back itself up: the backup script, the systemd units that run it daily and
 * check the repository weekly, and the root-only env file. Pure: the same plan gives the same bytes.
 *
 * <p>Why a host script on a systemd timer rather than a backup container: the script must run {@code docker
 * exec} into postgres and Nextcloud, which a container could only do with the Docker socket (root on the host
 * anyway); a timer with {@code Persistent=true} catches up on runs missed while the server was off; and the
 * journal ({@code journalctl -u openhaven-backup}) keeps each run's output without another log pipeline.
 */
public final class BackupInstallation {

    /** A catalog folder of kind host: the backup runs on the server itself, not in compose, so it has no compose.yaml. */
    private static final String TEMPLATE_DIR = "templates/services/backup/";
    static final String SERVICE_UNIT = "openhaven-backup.service";
    static final String TIMER_UNIT = "openhaven-backup.timer";
    static final String CHECK_SERVICE_UNIT = "openhaven-backup-check.service";
    static final String CHECK_TIMER_UNIT = "openhaven-backup-check.timer";
    /** The weekly check reads back this share of the stored data, so bit rot is found within months. */
    public static final int CHECK_READ_PERCENT = 5;

    private BackupInstallation() {
    }

    /** The files to upload, script and units first, the env file last. */
    public static List<ServerFile> files(BackupPlan plan, ResticRepository repository, BackupCredentials credentials) {
        Map<String, Object> unitValues = Map.of(
                "havenId", plan.havenId(),
                "script", BackupLayout.SCRIPT,
                "dailyAt", plan.dailyAt(),
                "checkAt", checkTime(plan.dailyAt()));
        List<ServerFile> files = new ArrayList<>();
        files.add(plain(BackupLayout.SCRIPT, "0700", script(plan)));
        for (String unit : List.of(SERVICE_UNIT, TIMER_UNIT, CHECK_SERVICE_UNIT, CHECK_TIMER_UNIT)) {
            files.add(plain(BackupLayout.SYSTEMD_DIR + "/" + unit, "0644", render(unit, unitValues)));
        }
        files.add(new ServerFile(BackupLayout.ENV_FILE, "0600", ResticEnvironment.envFile(repository, credentials)));
        return files;
    }

    /** After the files are in place: create the data directory, load the units and start both timers. */
    public static List<RemoteCommand> activate() {
        return List.of(
                RemoteCommand.of("create the backup directory", "install", "-d", "-m", "0700", "-o", "root",
                        BackupLayout.DIR, BackupLayout.DUMP_DIR),
                RemoteCommand.of("reload systemd", "systemctl", "daemon-reload"),
                RemoteCommand.of("start the backup timers", "systemctl", "enable", "--now", TIMER_UNIT,
                        CHECK_TIMER_UNIT));
    }

    /** The backup script for a plan. */
    public static String script(BackupPlan plan) {
        Map<String, Object> values = new HashMap<>();
        values.put("havenId", plan.havenId());
        values.put("dir", BackupLayout.DIR);
        values.put("project", BackupLayout.PROJECT);
        values.put("dumps", plan.dumps().stream().map(d -> Map.of(
                "line", d.dumpCommand().shellLine(),
                "file", d.file(),
                "failure", "the database in " + d.container() + " could not be dumped")).toList());
        values.put("quiesce", plan.services().stream().flatMap(s -> s.quiesce().stream().map(c -> Map.of(
                "line", c.shellLine(),
                "failure", "the service " + s.serviceId() + " could not be paused for the snapshot"))).toList());
        values.put("resume", plan.services().stream().flatMap(s -> s.resume().stream())
                .map(c -> Map.of("line", c.shellLine())).toList());
        // The run's tag comes from the script's argument, so it is appended as a shell variable.
        values.put("backupLine", ResticCommands.backup(plan.havenId(), plan.snapshotPaths(), List.of()).shellLine()
                + " --tag \"$tag\"");
        values.put("forgetLine", ResticCommands.forget(plan.havenId(), plan.retention()).shellLine());
        values.put("checkLine", ResticCommands.check(CHECK_READ_PERCENT).shellLine());
        return render("openhaven-backup.sh", values);
    }

    /** Two hours after the daily backup, so the weekly check does not compete with it. */
    static String checkTime(String dailyAt) {
        int hour = Integer.parseInt(dailyAt.substring(0, 2));
        return String.format("%02d%s", (hour + 2) % 24, dailyAt.substring(2));
    }

    private static ServerFile plain(String path, String mode, String content) {
        return new ServerFile(path, mode, Secret.of(content));
    }

    private static String render(String name, Map<String, Object> values) {
        Template template = Mustache.compiler().escapeHTML(false).strictSections(false)
                .compile(readTemplate(name));
        return template.execute(values);
    }

    private static String readTemplate(String name) {
        try (InputStream in = BackupInstallation.class.getClassLoader().getResourceAsStream(TEMPLATE_DIR + name)) {
            if (in == null) {
                throw OpenHavenException.internal("The backup template " + name + " is missing from this build.",
                        null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OpenHavenException.internal("The backup template " + name + " could not be read.", e);
        }
    }
}
