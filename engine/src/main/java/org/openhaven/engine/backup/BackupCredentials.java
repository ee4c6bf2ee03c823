package org.openhaven.engine.backup;

import java.util.Objects;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;

/**
 * What a server needs to write backups: the restic repository password and S3 keys that should be scoped to the
 * one bucket. The password is generated on the desktop and kept in the vault; the S3 keys come from the user.
 */
public record BackupCredentials(Secret repositoryPassword, Secret accessKeyId, Secret secretAccessKey) {

    /** Vault key of the repository password, generated once per haven. */
    public static final String PASSWORD_KEY = "backup/repository-password";
    /** Vault keys of the S3 credentials the user entered. */
    public static final String ACCESS_KEY_ID_KEY = "backup/s3-access-key-id";
    public static final String SECRET_ACCESS_KEY_KEY = "backup/s3-secret-access-key";

    public BackupCredentials {
        Objects.requireNonNull(repositoryPassword, "repositoryPassword");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * The haven's credentials from the vault, generating the repository password on first use so every later
     * deploy (and the recovery kit) sees the same one.
     */
    public static BackupCredentials fromVault(SecretStore vault, SecretGenerators generators) {
        // The user's keys first: without them nothing, not even the password, is written to the vault.
        Secret keyId = vault.find(ACCESS_KEY_ID_KEY).orElseThrow(() -> missingKey(ACCESS_KEY_ID_KEY));
        Secret secretKey = vault.find(SECRET_ACCESS_KEY_KEY).orElseThrow(() -> missingKey(SECRET_ACCESS_KEY_KEY));
        Secret password = vault.getOrCreate(PASSWORD_KEY, generators::password);
        return new BackupCredentials(password, keyId, secretKey);
    }

    private static OpenHavenException missingKey(String key) {
        return OpenHavenException.config("The vault holds no '" + key + "' for the backup storage.",
                "Enter the access key id and secret key of your backup storage on the wizard's Backups page, or with "
                        + "'openhaven secrets set " + ACCESS_KEY_ID_KEY + "' and 'openhaven secrets set "
                        + SECRET_ACCESS_KEY_KEY + "'.");
    }
}
