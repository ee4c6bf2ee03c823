package org.openhaven.engine.providers;

import java.net.URI;
import java.util.Map;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.Endpoints;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretStore;

/**
 * What the provider factories take from their surroundings: environment variables for endpoint overrides
 * ({@code OPENHAVEN_HETZNER_ENDPOINT}, {@code OPENHAVEN_DIGITALOCEAN_ENDPOINT}, {@code OPENHAVEN_CLOUDFLARE_ENDPOINT},
 * {@code OPENHAVEN_AWS_ENDPOINT}), the polling policy, and the vault keys credentials live under.
 */
public record ProviderEnvironment(Map<String, String> env, Polling polling) {

    public static final String HETZNER_TOKEN = "hetzner/token";
    public static final String DIGITALOCEAN_TOKEN = "digitalocean/token";
    public static final String CLOUDFLARE_TOKEN = "cloudflare/api-token";
    public static final String AWS_ACCESS_KEY_ID = "aws/access-key-id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws/secret-access-key";
    public static final String ROUTE53_ACCESS_KEY_ID = "route53/access-key-id";
    public static final String ROUTE53_SECRET_ACCESS_KEY = "route53/secret-access-key";

    public ProviderEnvironment {
        env = Map.copyOf(env);
    }

    public static ProviderEnvironment system() {
        return new ProviderEnvironment(System.getenv(), Polling.standard());
    }

    /** The spec's endpoint, else the environment variable, else the public API. */
    public URI endpoint(String specEndpoint, String variable, String defaultUrl) {
        return Endpoints.resolve(specEndpoint, variable, env, defaultUrl);
    }

    /** The endpoint override, or null when neither the spec nor the environment sets one (the SDK's default). */
    public URI optionalEndpoint(String specEndpoint, String variable) {
        boolean set = specEndpoint != null && !specEndpoint.isBlank()
                || env.get(variable) != null && !env.get(variable).isBlank();
        return set ? Endpoints.resolve(specEndpoint, variable, env, "https://unused.invalid") : null;
    }

    /** A stored API token; a CONFIG error saying how to store it when absent. */
    public static Secret token(SecretStore secrets, String key, String provider) {
        return secrets.find(key).filter(secret -> !secret.isEmpty()).orElseThrow(() -> OpenHavenException.config(
                "No " + provider + " API token is stored for this haven.",
                "Enter it on the wizard's provider page, or run: openhaven secrets set " + key));
    }
}
