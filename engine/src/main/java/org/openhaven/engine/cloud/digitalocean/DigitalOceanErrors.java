package org.openhaven.engine.cloud.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.ApiErrors;
import org.openhaven.engine.http.ProviderError;

/**
 * DigitalOcean's error body {@code {"id":"…","message":"…","request_id":"…"}}
 * (docs.digitalocean.com/reference/api/api-reference/#section/Introduction/HTTP-Statuses).
 */
final class DigitalOceanErrors implements ApiErrors {

    @Override
    public String providerName() {
        return "DigitalOcean";
    }

    @Override
    public ProviderError parse(JsonNode body) {
        return new ProviderError(body.path("id").asText(""), body.path("message").asText(""));
    }

    @Override
    public String tokenRemedy() {
        return "Create a personal access token in the DigitalOcean control panel: API → Tokens → Generate New Token, "
                + "with \"Full Access\" (or the custom scopes droplet, ssh_key, firewall, reserved_ip, tag, account:read, "
                + "sizes:read, regions:read), and enter it again.";
    }

    @Override
    public Optional<OpenHavenException> specific(int status, ProviderError error) {
        String message = error.message().toLowerCase(Locale.ROOT);
        if (status == 422 && (message.contains("limit") || message.contains("quota"))) {
            return Optional.of(OpenHavenException.of(ErrorCategory.QUOTA,
                            "DigitalOcean refused to create more resources: " + error.message())
                    .remedy("Delete unused droplets or reserved IPs, or ask for a higher limit in the control "
                            + "panel under Settings → Team → Droplet limit → Increase.")
                    .build());
        }
        return Optional.empty();
    }
}
