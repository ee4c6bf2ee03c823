package org.openhaven.engine.backup;

import java.util.List;
import org.openhaven.engine.remote.RemoteExecutor;
import org.openhaven.engine.secrets.SecretStore;

/**
 * One deployed haven, as the backup commands need it: its plan and repository, a way onto its server, its vault
 * and its health checks.
 *
 * @param services every service of the haven, with or without data (for the final health check of a recovery)
 */
public record HavenBackup(String havenId, String domain, BackupPlan plan, ResticRepository repository,
                          RemoteExecutor server, SecretStore vault, ServiceHealth health, List<String> services) {

    public HavenBackup {
        services = List.copyOf(services);
    }

    public BackupOperations operations() {
        return new BackupOperations(repository, server);
    }
}
