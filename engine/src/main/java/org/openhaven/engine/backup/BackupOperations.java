package org.openhaven.engine.backup;

import java.util.List;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup as the CLI, the dashboard and the deploy flow use it: run now, list, check, read the status. Every
 * command goes through the server's backup script, which holds the credentials; nothing secret crosses SSH.
 */
public class BackupOperations {

    private static final Logger LOG = LoggerFactory.getLogger(BackupOperations.class);

    private final ResticRepository repository;
    private final RemoteExecutor server;

    public BackupOperations(ResticRepository repository, RemoteExecutor server) {
        this.repository = repository;
        this.server = server;
    }

    /** Runs a backup now (dumps, snapshot, retention) and returns the new snapshot's id. */
    public String backupNow(String tag) {
        ExecResult result = server.run(runCommand(tag), OutputConsumer.IGNORE);
        if (!result.succeeded()) {
            // The script's own stderr line names the stage that failed; restic's lines refine it when present.
            String stage = lastLine(result.stderr()).replaceFirst("^openhaven-backup: ", "");
            OpenHavenException restic = ResticFailure.of("back up the haven", repository, result);
            throw restic.category() == ErrorCategory.REMOTE_COMMAND
                    ? OpenHavenException.of(ErrorCategory.REMOTE_COMMAND, "The backup failed: " + stage + ".")
                            .remedy("Run 'openhaven backup check'; the server's journal (journalctl -u "
                                    + "openhaven-backup) has the full output.")
                            .build()
                    : restic;
        }
        String snapshot = BackupStatusParser.snapshotIdFromRunOutput(result.stdout())
                .orElseThrow(() -> OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                        "The backup ran but did not report a snapshot id.").build());
        LOG.info("Backup {} finished: snapshot {}", tag, snapshot);
        return snapshot;
    }

    /** The repository's snapshots of this haven, oldest first. */
    public List<RepositorySnapshot> snapshots() {
        return SnapshotList.parse(resticOnServer("list the backups", ResticCommands.snapshots()).stdout());
    }

    /** Verifies the repository and reads back a sample of the data; throws when anything is wrong. */
    public void check() {
        ExecResult result = server.run(RemoteCommand.of("check the backup repository", BackupLayout.SCRIPT,
                "check"), OutputConsumer.IGNORE);
        if (!result.succeeded()) {
            throw ResticFailure.of("check the backups", repository, result);
        }
    }

    /** The status file on the server; empty before the first run. */
    public Optional<BackupStatus> status() {
        ExecResult result = server.run(readStatusCommand(), OutputConsumer.IGNORE);
        return result.succeeded() ? BackupStatusParser.parse(result.stdout()) : Optional.empty();
    }

    /** Runs a restic command through the script and maps a failure to advice. */
    ExecResult resticOnServer(String what, RemoteCommand restic) {
        ExecResult result = server.run(ResticCommands.onServer(restic), OutputConsumer.IGNORE);
        if (!result.succeeded()) {
            throw ResticFailure.of(what, repository, result);
        }
        return result;
    }

    RemoteExecutor server() {
        return server;
    }

    ResticRepository repository() {
        return repository;
    }

    static RemoteCommand runCommand(String tag) {
        return RemoteCommand.of("back up the haven now", BackupLayout.SCRIPT, "run", tag);
    }

    static RemoteCommand readStatusCommand() {
        return RemoteCommand.of("read the backup status", "cat", BackupLayout.STATUS_FILE);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
