package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.BackupHealth;
import org.openhaven.engine.backup.BackupStatus;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.RepositorySnapshot;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openhaven backup now|list|check|status|kit}: the haven's backups, run on its server over SSH. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the haven now, list and check its backups, export its recovery kit.",
        subcommands = {BackupCommand.Now.class, BackupCommand.ListSnapshots.class, BackupCommand.Check.class,
                BackupCommand.Status.class, BackupCommand.Kit.class})
public final class BackupCommand implements Runnable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    final BackupAccess access;
    final Clock clock;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--haven", paramLabel = "NAME", description = "Which haven (needed when there are several).")
    String haven;

    /** The CLI's own: the haven deployed from this computer, found through the root command's context. */
    public BackupCommand() {
        this(null, Clock.systemUTC());
    }

    public BackupCommand(BackupAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** The given access, or the deployed havens of the CLI's context. */
    BackupAccess access() {
        return access != null ? access : new DeployedHavenBackups(OpenHavenCli.contextOf(spec.commandLine()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs one subcommand body, turning our failures into a message, a remedy and an exit code. */
    abstract static class Sub implements Callable<Integer> {

        @ParentCommand
        BackupCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract void execute(HavenBackup haven, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                execute(parent.access().open(parent.haven), out);
                return OpenHavenCli.OK;
            } catch (OpenHavenException e) {
                return CliErrors.report(e, spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "now", description = "Back up the haven now (database dumps, snapshot, retention).")
    static final class Now extends Sub {
        @Override
        void execute(HavenBackup haven, PrintWriter out) {
            out.println("Backing up " + haven.havenId() + " to " + haven.repository().describe() + " …");
            out.flush();
            String snapshot = haven.operations().backupNow("manual");
            out.println("Backup finished: snapshot " + shortId(snapshot) + ".");
        }
    }

    @Command(name = "list", description = "List the haven's snapshots, oldest first.")
    static final class ListSnapshots extends Sub {
        @Override
        void execute(HavenBackup haven, PrintWriter out) {
            List<RepositorySnapshot> snapshots = haven.operations().snapshots();
            if (snapshots.isEmpty()) {
                out.println("No backups yet. The first runs at " + haven.plan().dailyAt()
                        + " server time, or now with 'openhaven backup now'.");
                return;
            }
            out.printf("%-10s  %-16s  %s%n", "SNAPSHOT", "TAKEN (UTC)", "WHY");
            for (RepositorySnapshot s : snapshots) {
                out.printf("%-10s  %-16s  %s%n", s.shortId(), TIME.format(s.time()),
                        s.tags().isEmpty() ? "-" : String.join(",", s.tags()));
            }
        }
    }

    @Command(name = "check", description = "Verify the repository and read back a sample of the stored data.")
    static final class Check extends Sub {
        @Override
        void execute(HavenBackup haven, PrintWriter out) {
            out.println("Checking the backups in " + haven.repository().describe() + " …");
            out.flush();
            haven.operations().check();
            out.println("The backups are consistent and readable.");
        }
    }

    /** Prints the health with the last success and the last failure; {@code openhaven status} shows it too. */
    static BackupHealth printHealth(Optional<BackupStatus> status, java.time.Instant now, PrintWriter out,
                                    String indent) {
        BackupHealth health = BackupHealth.assess(status, now);
        out.println(indent + "Backups: " + describe(health));
        status.flatMap(BackupStatus::lastSuccess).ifPresent(last -> out.printf(
                "%sLast success: %s UTC, snapshot %s, %s, took %s%n", indent, TIME.format(last.finishedAt()),
                shortId(last.snapshotId()), size(last.bytesProcessed()), duration(last.duration())));
        status.filter(s -> !s.lastRunSucceeded()).flatMap(BackupStatus::error)
                .ifPresent(error -> out.println(indent + "Last run failed: " + error));
        return health;
    }

    @Command(name = "status", description = "When the last backup ran, how big it was, and whether it is overdue.")
    static final class Status extends Sub {
        @Override
        void execute(HavenBackup haven, PrintWriter out) {
            BackupHealth health = printHealth(haven.operations().status(), parent.clock.instant(), out, "");
            if (health.needsAttention()) {
                throw OpenHavenException.of(org.openhaven.engine.error.ErrorCategory.REMOTE_COMMAND,
                                "The backups need attention.")
                        .remedy("Run 'openhaven backup now' to see the failure; the server's journal "
                                + "(journalctl -u openhaven-backup) has each run's output.")
                        .build();
            }
        }
    }

    @Command(name = "kit", description = "Write the recovery kit (repository location and password) to a file.")
    static final class Kit extends Sub {
        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write it; .md gives a printable page, anything else plain text. "
                        + "Never overwrites; the file is readable by you alone.")
        Path out;

        @Override
        void execute(HavenBackup haven, PrintWriter printer) {
            Secret password = haven.vault().find(BackupCredentials.PASSWORD_KEY).orElseThrow(() ->
                    OpenHavenException.config("This haven has no backup password yet.",
                            "Set up backups (backup: in haven.yaml) and deploy; the password is made then."));
            RecoveryKitFile.write(new RecoveryKit(haven.havenId(), haven.domain(), haven.repository(), password,
                    parent.clock.instant()), out);
            printer.println("Recovery kit written to " + out.toAbsolutePath()
                    + ". Print it or keep it in a password manager, away from the server.");
        }
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    static String describe(BackupHealth health) {
        return switch (health) {
            case HEALTHY -> "healthy";
            case NOT_YET_RUN -> "no backup has run yet";
            case OVERDUE -> "OVERDUE: no successful backup for more than "
                    + BackupHealth.OVERDUE_AFTER.toHours() + " hours";
            case FAILED -> "FAILED: the last run did not complete";
        };
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format("%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format("%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    static String duration(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
