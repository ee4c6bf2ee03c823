package org.openhaven.engine.backup;

import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.spec.BackupSpec;

/**
 * The restic invocations OpenHaven uses, as data. Each returns plain {@code restic …} argv that reads its
 * repository and secrets from the environment; {@link #onServer(RemoteCommand)} routes one through the server's
 * backup script, which loads the root-only env file first.
 */
public final class ResticCommands {

    private ResticCommands() {
    }

    /** Creates the repository (encryption keys, config). Fails if it exists: callers check with {@link #catConfig()}. */
    public static RemoteCommand init() {
        return RemoteCommand.of("create the backup repository", "restic", "init");
    }

    /** Succeeds only when the repository exists and the password opens it. */
    public static RemoteCommand catConfig() {
        return RemoteCommand.of("open the backup repository", "restic", "cat", "config");
    }

    /**
     * One snapshot of {@code paths}, recorded under the haven's id as host (so a replacement server continues
     * the same history) with JSON progress lines and a closing summary line.
     */
    public static RemoteCommand backup(String havenId, List<String> paths, List<String> tags) {
        List<String> argv = new ArrayList<>(List.of("restic", "backup", "--json", "--host", havenId));
        tags.forEach(tag -> {
            argv.add("--tag");
            argv.add(tag);
        });
        argv.addAll(paths);
        return new RemoteCommand(argv, "back up " + paths.size() + " paths");
    }

    public static RemoteCommand snapshots() {
        return RemoteCommand.of("list snapshots", "restic", "snapshots", "--json");
    }

    /**
     * Applies the retention policy and deletes the data no snapshot needs any more. Grouped by host only, so a
     * haven that gains a service (new paths) still ages out its old snapshots.
     */
    public static RemoteCommand forget(String havenId, BackupSpec.Retention retention) {
        return RemoteCommand.of("apply the retention policy",
                "restic", "forget", "--host", havenId, "--group-by", "host",
                "--keep-daily", Integer.toString(retention.daily()),
                "--keep-weekly", Integer.toString(retention.weekly()),
                "--keep-monthly", Integer.toString(retention.monthly()),
                "--prune");
    }

    /** Verifies the repository's structure and reads back {@code readDataPercent} of the stored data. */
    public static RemoteCommand check(int readDataPercent) {
        if (readDataPercent <= 0) {
            return RemoteCommand.of("check the backup repository", "restic", "check");
        }
        return RemoteCommand.of("check the backup repository",
                "restic", "check", "--read-data-subset=" + readDataPercent + "%");
    }

    /** Removes locks left by runs that died (a killed process, a rebooted server); live locks stay. */
    public static RemoteCommand unlock() {
        return RemoteCommand.of("remove stale repository locks", "restic", "unlock");
    }

    /** Restores the given paths of a snapshot ({@code latest} or an id) to where they were. */
    public static RemoteCommand restore(String snapshot, String havenId, List<String> includes, String target) {
        List<String> argv = new ArrayList<>(List.of("restic", "restore", snapshot, "--host", havenId,
                "--target", target));
        includes.forEach(path -> {
            argv.add("--include");
            argv.add(path);
        });
        return new RemoteCommand(argv, "restore " + includes.size() + " paths from snapshot " + snapshot);
    }

    /** The same restic command run on the server through the backup script, which supplies the environment. */
    public static RemoteCommand onServer(RemoteCommand restic) {
        if (!restic.argv().get(0).equals("restic")) {
            throw new IllegalArgumentException("not a restic command: " + restic.argv().get(0));
        }
        List<String> argv = new ArrayList<>();
        argv.add(BackupLayout.SCRIPT);
        argv.addAll(restic.argv());
        return new RemoteCommand(argv, restic.description());
    }
}
