package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.Restore;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenRecovery;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.plan.ProgressListener;
import org.openhaven.engine.secrets.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openhaven recover --kit FILE}: rebuilds a lost haven on a new server from its backups. Resumable: run it
 * again after a failure and it continues where it stopped.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Rebuild a haven on a NEW server from its backups and recovery kit, switch DNS to it and "
                + "check that every service is healthy. The old server is kept, never deleted. Run it again after "
                + "a failure: it continues where it stopped.")
public final class RecoverCommand implements Callable<Integer> {

    static final String KEY_ID_ENV = HavenRecovery.KEY_ID_ENV;
    static final String SECRET_KEY_ENV = HavenRecovery.SECRET_KEY_ENV;

    private final BackupAccess access;
    private final Clock clock;
    private final Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--kit", required = true, paramLabel = "FILE", description = "The haven's recovery kit.")
    Path kitFile;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "The haven's haven.yaml, when this computer does not know the haven (it is new).")
    Path specFile;

    @Option(names = "--snapshot", paramLabel = "ID", description = "Recover this snapshot instead of the newest.")
    String snapshot;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    public RecoverCommand() {
        this(null, Clock.systemUTC(), System.getenv()); // the havens of the CLI's context
    }

    public RecoverCommand(BackupAccess access, Clock clock, Map<String, String> env) {
        this.access = access;
        this.clock = clock;
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RecoveryKit kit = RecoveryKitFile.read(kitFile);
            if (!yes) {
                err.println(HavenRecovery.confirmation(kit, Optional.ofNullable(snapshot)));
                err.println("  → Run the command again with --yes to go ahead.");
                return OpenHavenCli.USAGE;
            }
            out.println("Recovering " + kit.havenId() + " (" + kit.domain() + ") from " + kit.repository().describe()
                    + " …");
            out.flush();
            BackupAccess backups = access;
            boolean bars = false;
            if (backups == null) {
                CliContext context = OpenHavenCli.contextOf(spec.commandLine());
                backups = new DeployedHavenBackups(context);
                bars = context.terminal().drawsProgressBars();
            }
            try (ProgressPrinter printer = new ProgressPrinter(out, bars)) {
                BackupAccess.Recovered recovered = backups.recover(new BackupAccess.RecoveryRequest(kit,
                                Optional.ofNullable(specFile), s3Key(KEY_ID_ENV), s3Key(SECRET_KEY_ENV)),
                        Optional.ofNullable(snapshot), printer, restoreProgress(out), clock);
                Restore.Result result = recovered.restored();
                out.println("Recovered " + kit.domain() + " from snapshot " + result.snapshot().shortId() + " ("
                        + BackupCommand.TIME.format(result.snapshot().time()) + " UTC); every service is healthy.");
                recovered.notes().forEach(out::println);
            }
            return OpenHavenCli.OK;
        } catch (OpenHavenException e) {
            return CliErrors.report(e, err);
        }
    }

    /** The restore's steps, one line each, like the deploy's. */
    private static ProgressListener restoreProgress(PrintWriter out) {
        return event -> {
            if (event instanceof ProgressEvent.StepStarted s) {
                out.println("  ▶ " + s.title());
                out.flush();
            }
        };
    }

    private Optional<Secret> s3Key(String variable) {
        return HavenRecovery.storageKeyFromEnv(env, variable);
    }

    /** The storage keys are in neither the vault nor the environment. */
    static OpenHavenException missingS3Keys() {
        return HavenRecovery.missingStorageKeys();
    }
}
