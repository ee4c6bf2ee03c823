package org.openhaven.engine.backup;

import java.util.Objects;
import org.openhaven.engine.secrets.Secret;

/**
 * What a server needs to write backups: the restic repository password and S3 keys that should be scoped to the
 * one bucket. The password is generated on the desktop and kept in the vault; the S3 keys come from the user.
 */
public record BackupCredentials(Secret repositoryPassword, Secret accessKeyId, Secret secretAccessKey) {

    public BackupCredentials {
        Objects.requireNonNull(repositoryPassword, "repositoryPassword");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }
}
