package org.openhaven.engine.providers;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openhaven.engine.secrets.Secret;

/**
 * The credentials for one provider, taken from the vault. Only names appear in {@link #toString()}.
 *
 * @param values by name: {@code token} for REST providers, {@code accessKeyId} and {@code secretAccessKey} for AWS
 */
public record ProviderCredentials(Map<String, Secret> values) {

    public static final String TOKEN = "token";
    public static final String ACCESS_KEY_ID = "accessKeyId";
    public static final String SECRET_ACCESS_KEY = "secretAccessKey";

    public ProviderCredentials {
        values = Map.copyOf(values);
    }

    public static ProviderCredentials token(Secret token) {
        return new ProviderCredentials(Map.of(TOKEN, token));
    }

    public static ProviderCredentials awsKeys(Secret accessKeyId, Secret secretAccessKey) {
        return new ProviderCredentials(Map.of(ACCESS_KEY_ID, accessKeyId, SECRET_ACCESS_KEY, secretAccessKey));
    }

    /** No stored credentials: AWS then uses its standard chain; token providers refuse. */
    public static ProviderCredentials none() {
        return new ProviderCredentials(Map.of());
    }

    public Optional<Secret> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(secret -> !secret.isEmpty());
    }

    @Override
    public String toString() {
        return "ProviderCredentials" + new TreeMap<>(values).keySet();
    }
}
