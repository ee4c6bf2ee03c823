package org.openhaven.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openhaven.engine.backup.BackupAccess;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.backup.DisasterRecovery;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.Restore;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openhaven recover --kit FILE}: rebuilds a lost haven on a new server from its backups. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Rebuild a haven on a NEW server from its backups and recovery kit, switch DNS to it and "
                + "check that every service is healthy.")
public final class RecoverCommand implements Callable<Integer> {

    static final String KEY_ID_ENV = "OPENHAVEN_BACKUP_ACCESS_KEY_ID";
    static final String SECRET_KEY_ENV = "OPENHAVEN_BACKUP_SECRET_ACCESS_KEY";

    private final BackupAccess access;
    private final Clock clock;
    private final java.util.Map<String, String> env;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--kit", required = true, paramLabel = "FILE", description = "The haven's recovery kit.")
    Path kitFile;

    @Option(names = "--snapshot", paramLabel = "ID", description = "Recover this snapshot instead of the newest.")
    String snapshot;

    public RecoverCommand() {
        this(BackupAccess.notWired(), Clock.systemUTC(), System.getenv());
    }

    public RecoverCommand(BackupAccess access, Clock clock, java.util.Map<String, String> env) {
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
            BackupCredentials credentials = new BackupCredentials(kit.password(), s3Key(KEY_ID_ENV),
                    s3Key(SECRET_KEY_ENV));
            out.println("Recovering " + kit.havenId() + " (" + kit.domain() + ") from " + kit.repository().describe()
                    + " …");
            out.flush();
            BackupAccess.RecoverySite site = access.prepareRecovery(kit);
            DisasterRecovery recovery = new DisasterRecovery(site.haven().plan(), kit, credentials,
                    site.haven().health(), event -> {
                        if (event instanceof ProgressEvent.StepStarted s) {
                            out.println("• " + s.title());
                            out.flush();
                        }
                    }, clock);
            Restore.Result result = recovery.recover(site::target, Optional.ofNullable(snapshot),
                    site.haven().services());
            out.println("Recovered " + kit.domain() + " from snapshot " + result.snapshot().shortId()
                    + "; every service is healthy.");
            return OpenHavenCli.OK;
        } catch (OpenHavenException e) {
            return CliErrors.report(e, err);
        }
    }

    private Secret s3Key(String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw OpenHavenException.config("The S3 keys of the backup storage are needed to recover, and "
                            + variable + " is not set.",
                    "Set " + KEY_ID_ENV + " and " + SECRET_KEY_ENV + " to a key pair from your storage provider "
                            + "that may read the bucket named in the kit.");
        }
        return Secret.of(value);
    }
}
