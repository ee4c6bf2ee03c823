package org.openhaven.engine.backup;

import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.remote.RemoteCommand;

/**
 * The commands that put one service back as it was in a snapshot, in order: stop it, move its current data
 * aside (never deleted: a mistaken restore can be undone by hand), restore its volumes and dump files, start it,
 * then load the dumps (the database must be running for that). A service with dumps but no volumes (a database)
 * is never stopped. Pure, so tests assert the exact sequence.
 */
public final class RestorePlan {

    private RestorePlan() {
    }

    /**
     * @param stamp a timestamp for the set-aside copies ({@code 20261124T2030Z}), so repeated restores never
     *              collide
     */
    public static List<RemoteCommand> commands(String havenId, ServiceBackup service, String snapshotId,
                                               String stamp) {
        List<RemoteCommand> commands = new ArrayList<>();
        boolean stop = !service.volumes().isEmpty();
        for (String container : stop ? service.containers() : List.<String>of()) {
            commands.add(RemoteCommand.of("stop " + container, BackupLayout.SCRIPT, "stop-service", container));
        }
        for (String path : service.hostPaths()) {
            commands.add(RemoteCommand.of("keep the current data of " + service.serviceId() + " aside",
                    BackupLayout.SCRIPT, "set-aside", path, "before-restore-" + stamp));
        }
        List<String> includes = new ArrayList<>(service.hostPaths());
        service.dumps().forEach(d -> includes.add(d.file()));
        commands.add(ResticCommands.onServer(ResticCommands.restore(snapshotId, havenId, includes, "/")));
        for (String container : stop ? service.containers() : List.<String>of()) {
            commands.add(RemoteCommand.of("start " + container, BackupLayout.SCRIPT, "start-service", container));
        }
        service.dumps().forEach(d -> commands.add(d.restoreCommand()));
        return List.copyOf(commands);
    }
}
