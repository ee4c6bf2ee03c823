package org.openhaven.desktop.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openhaven.engine.backup.BackupCredentials;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenSshKey;
import org.openhaven.engine.providers.ProviderEnvironment;
import org.openhaven.engine.secrets.Secret;

/**
 * Maps what the wizard's credential fields hold to the vault keys the engine's providers read. AWS and Route 53
 * take two values, which the wizard passes as {@code accessKeyId:secretAccessKey}.
 */
public final class CredentialKeys {

    private CredentialKeys() {
    }

    public static Map<String, Secret> cloud(Choice provider, Secret credential) {
        return switch (provider) {
            case HETZNER -> Map.of(ProviderEnvironment.HETZNER_TOKEN, credential);
            case DIGITALOCEAN -> Map.of(ProviderEnvironment.DIGITALOCEAN_TOKEN, credential);
            case AWS -> pair(credential, ProviderEnvironment.AWS_ACCESS_KEY_ID,
                    ProviderEnvironment.AWS_SECRET_ACCESS_KEY, "AWS");
            case EXISTING -> existingServerKey(credential);
        };
    }

    /**
     * The haven's key for a server the user already has, private and public line, under the names the engine reads;
     * the public line is stored too, so one left from an earlier key never names the wrong line in an error.
     */
    private static Map<String, Secret> existingServerKey(Secret privateKey) {
        if (privateKey == null) {
            return Map.of();
        }
        Map<String, Secret> keys = new LinkedHashMap<>();
        keys.put(HavenSshKey.privateKeyName(), privateKey);
        keys.put(HavenSshKey.publicKeyName(), Secret.of(HavenSshKey.publicLine(privateKey)));
        return keys;
    }

    public static Map<String, Secret> dns(String provider, Secret credential) {
        return switch (provider) {
            case "cloudflare" -> Map.of(ProviderEnvironment.CLOUDFLARE_TOKEN, credential);
            case "route53" -> pair(credential, ProviderEnvironment.ROUTE53_ACCESS_KEY_ID,
                    ProviderEnvironment.ROUTE53_SECRET_ACCESS_KEY, "Route 53");
            default -> Map.of();
        };
    }

    /** The backup target's S3 keys, under the names the backup step reads. */
    public static Map<String, Secret> backup(Secret accessKeyId, Secret secretAccessKey) {
        Map<String, Secret> keys = new LinkedHashMap<>();
        keys.put(BackupCredentials.ACCESS_KEY_ID_KEY, accessKeyId);
        keys.put(BackupCredentials.SECRET_ACCESS_KEY_KEY, secretAccessKey);
        return keys;
    }

    private static Map<String, Secret> pair(Secret credential, String idKey, String secretKey, String provider) {
        String value = credential.reveal();
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw OpenHavenException.config(provider + " needs an access key ID and a secret access key.",
                    "Enter both: the key ID (AKIA…) and its secret.");
        }
        Map<String, Secret> keys = new LinkedHashMap<>();
        keys.put(idKey, Secret.of(value.substring(0, colon)));
        keys.put(secretKey, Secret.of(value.substring(colon + 1)));
        return keys;
    }
}
