package org.openhaven.engine.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.secrets.Secret;

/**
 * The environment restic reads its repository, password and S3 keys from. Secrets travel to restic through the
 * environment (or the server's root-only env file), never on a command line where {@code ps} would show them.
 */
public final class ResticEnvironment {

    private ResticEnvironment() {
    }

    /** Variable name to value, in a fixed order; the values are secrets even where they look harmless. */
    public static Map<String, Secret> of(ResticRepository repository, BackupCredentials credentials) {
        Map<String, Secret> env = new LinkedHashMap<>();
        env.put("RESTIC_REPOSITORY", Secret.of(repository.resticUrl()));
        env.put("RESTIC_PASSWORD", credentials.repositoryPassword());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_DEFAULT_REGION", Secret.of(repository.region()));
        return env;
    }

    /**
     * The server's env file: one {@code NAME=value} per line, values quoted for a POSIX shell, so the backup
     * script can {@code . } it. The caller installs it root-only (0600).
     */
    public static Secret envFile(ResticRepository repository, BackupCredentials credentials) {
        StringBuilder text = new StringBuilder("# OpenHaven backup credentials: root only (0600). Written by OpenHaven.\n");
        of(repository, credentials).forEach((name, value) ->
                text.append(name).append('=').append(RemoteCommand.quote(value.reveal())).append('\n'));
        return Secret.of(text.toString());
    }
}
