package org.openhaven.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Chooses a provider's API base URL: the spec's {@code endpoint} field wins, then the environment variable
 * (for example {@code OPENHAVEN_HETZNER_ENDPOINT}), then the provider's public default. This is how API
 * proxies, compatible clouds and local fakes are reached.
 */
public final class Endpoints {

    private Endpoints() {
    }

    public static URI resolve(String specEndpoint, String envVariable, Map<String, String> env, String defaultUrl) {
        String chosen = specEndpoint;
        String origin = "the spec's endpoint";
        if (chosen == null || chosen.isBlank()) {
            chosen = env.get(envVariable);
            origin = "the environment variable " + envVariable;
        }
        if (chosen == null || chosen.isBlank()) {
            return URI.create(defaultUrl);
        }
        try {
            URI uri = new URI(chosen.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new URISyntaxException(chosen, "needs http(s)://host");
            }
            return uri;
        } catch (URISyntaxException bad) {
            throw OpenHavenException.config("The API endpoint '" + chosen + "' from " + origin + " is not a URL.",
                    "Write it as https://host[:port]/path, or remove it to use " + defaultUrl + ".");
        }
    }
}
