package org.openhaven.engine.backup;

import java.util.List;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * What one service contributes to a backup, as the catalog describes it: the host paths holding its data, the
 * databases to dump first, and the commands that make its files consistent around the snapshot (Nextcloud's
 * maintenance mode).
 *
 * @param serviceId the catalog id
 * @param paths     data paths; relative ones live under {@link BackupLayout#DATA_DIR}
 * @param dumps     databases dumped before the snapshot
 * @param quiesce   run before the snapshot, in order
 * @param resume    run after the snapshot whatever happened, in order
 */
public record ServiceBackup(String serviceId, List<String> paths, List<DatabaseDump> dumps,
                            List<RemoteCommand> quiesce, List<RemoteCommand> resume) {

    public ServiceBackup {
        paths = List.copyOf(paths);
        dumps = List.copyOf(dumps);
        quiesce = List.copyOf(quiesce);
        resume = List.copyOf(resume);
    }

    /** A service whose data is just files: no dumps, nothing to pause. */
    public static ServiceBackup files(String serviceId, String... paths) {
        return new ServiceBackup(serviceId, List.of(paths), List.of(), List.of(), List.of());
    }

    /** The same service, with Nextcloud's maintenance mode switched on before and off after the snapshot. */
    public ServiceBackup withOccMaintenanceMode() {
        return new ServiceBackup(serviceId, paths, dumps,
                List.of(occ(serviceId, "--on")), List.of(occ(serviceId, "--off")));
    }

    /** The same service, with a database dumped before the snapshot. */
    public ServiceBackup withDump(DatabaseDump dump) {
        List<DatabaseDump> more = new java.util.ArrayList<>(dumps);
        more.add(dump);
        return new ServiceBackup(serviceId, paths, more, quiesce, resume);
    }

    /** Absolute host paths of the data, in catalog order. */
    public List<String> hostPaths() {
        return paths.stream().map(BackupLayout::hostPath).toList();
    }

    private static RemoteCommand occ(String service, String mode) {
        return RemoteCommand.of("maintenance mode " + mode.substring(2) + " for " + service,
                BackupLayout.SCRIPT, "in-service-as", "www-data", service, "php", "occ", "maintenance:mode", mode);
    }
}
