package org.openhaven.engine.backup;

import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * What one service contributes to a backup, from the catalog: its containers (stopped during a restore), the
 * volumes holding its data, the databases to dump first, and the commands that make its files consistent around
 * the snapshot (Nextcloud's maintenance mode).
 *
 * @param serviceId  the catalog id
 * @param containers the compose services it runs, stopped and started together on restore
 * @param volumes    named volumes (or absolute host paths) with its data
 * @param dumps      databases dumped before the snapshot
 * @param quiesce    run before the snapshot, in order
 * @param resume     run after the snapshot whatever happened, in order
 */
public record ServiceBackup(String serviceId, List<String> containers, List<String> volumes, List<DatabaseDump> dumps,
                            List<RemoteCommand> quiesce, List<RemoteCommand> resume) {

    public ServiceBackup {
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        dumps = List.copyOf(dumps);
        quiesce = List.copyOf(quiesce);
        resume = List.copyOf(resume);
    }

    /** A one-container service whose data is just files: no dumps, nothing to pause. */
    public static ServiceBackup files(String serviceId, String... volumes) {
        return new ServiceBackup(serviceId, List.of(serviceId), List.of(volumes), List.of(), List.of(), List.of());
    }

    /** The same service, with Nextcloud's maintenance mode switched on before and off after the snapshot. */
    public ServiceBackup withOccMaintenanceMode(String container) {
        return new ServiceBackup(serviceId, containers, volumes, dumps,
                List.of(occ(container, "--on")), List.of(occ(container, "--off")));
    }

    /** The same service, with a database dumped before the snapshot. */
    public ServiceBackup withDump(DatabaseDump dump) {
        List<DatabaseDump> more = new ArrayList<>(dumps);
        more.add(dump);
        return new ServiceBackup(serviceId, containers, volumes, more, quiesce, resume);
    }

    /** Whether there is anything of this service to back up. */
    public boolean hasData() {
        return !volumes.isEmpty() || !dumps.isEmpty();
    }

    /** Absolute host paths of the data, in catalog order. */
    public List<String> hostPaths() {
        return volumes.stream().map(BackupLayout::hostPath).toList();
    }

    private static RemoteCommand occ(String container, String mode) {
        return RemoteCommand.of("maintenance mode " + mode.substring(2) + " for " + container,
                BackupLayout.SCRIPT, "in-service-as", "www-data", container, "php", "occ", "maintenance:mode", mode);
    }
}
