package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.HavenBackup;
import org.openhaven.engine.backup.Restore;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openhaven restore [SERVICE] [--snapshot ID]}: puts services back as they were in a snapshot. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore one service (or all) on the haven's server from a backup snapshot. "
                + "The current data is kept aside, never deleted.")
public final class RestoreCommand implements Callable<Integer> {

    private final BackupAccess access;
    private final Clock clock;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "The service to restore; all when omitted.")
    String service;

    @Option(names = "--snapshot", paramLabel = "ID", description = "The snapshot (see 'openhaven backup list'); "
            + "the newest when omitted.")
    String snapshot;

    @Option(names = "--haven", paramLabel = "NAME", description = "Which haven (needed when there are several).")
    String haven;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    public RestoreCommand() {
        this(null, Clock.systemUTC()); // the deployed havens of the CLI's context
    }

    public RestoreCommand(BackupAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            HavenBackup target = (access != null ? access
                    : new DeployedHavenBackups(OpenHavenCli.contextOf(spec.commandLine()))).open(haven);
            String what = service == null ? "every service of " + target.havenId() : service;
            String from = snapshot == null ? "the newest snapshot" : "snapshot " + snapshot;
            if (!yes) {
                err.println("Restoring stops " + what + " and replaces its data with " + from
                        + "; the current data is kept next to it (suffix .before-restore-<time>).");
                err.println("  → Run the command again with --yes to go ahead.");
                return OpenHavenCli.USAGE;
            }
            Restore restore = new Restore(target.plan(), target.operations(), target.health(), event -> {
                if (event instanceof ProgressEvent.StepStarted s) {
                    out.println("• " + s.title());
                } else if (event instanceof ProgressEvent.LogLine l) {
                    out.println("    " + l.line());
                }
                out.flush();
            }, clock);
            Restore.Result result = restore.restore(Optional.ofNullable(service), Optional.ofNullable(snapshot));
            out.println("Restored " + String.join(", ", result.services()) + " from snapshot "
                    + result.snapshot().shortId() + " (" + BackupCommand.TIME.format(result.snapshot().time())
                    + " UTC); " + (result.services().size() == 1 ? "it is" : "they are") + " healthy.");
            return OpenHavenCli.OK;
        } catch (OpenHavenException e) {
            return CliErrors.report(e, err);
        }
    }
}
