package org.openhaven.engine.cloud.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.ApiErrors;
import org.openhaven.engine.http.ProviderError;

/**
 * Hetzner Cloud's error body {@code {"error":{"code":"…","message":"…"}}} and its special codes
 * (docs.hetzner.cloud/#errors).
 */
final class HetznerErrors implements ApiErrors {

    @Override
    public String providerName() {
        return "Hetzner Cloud";
    }

    @Override
    public ProviderError parse(JsonNode body) {
        JsonNode error = body.path("error");
        return new ProviderError(error.path("code").asText(""), error.path("message").asText(""));
    }

    @Override
    public String tokenRemedy() {
        return "Create a token in the Hetzner Cloud Console: open your project → Security → API tokens → "
                + "Generate API token, with permission \"Read & Write\", and enter it again.";
    }

    @Override
    public Optional<OpenHavenException> specific(int status, ProviderError error) {
        return switch (error.code()) {
            case "resource_limit_exceeded" -> Optional.of(OpenHavenException.of(ErrorCategory.QUOTA,
                            "Hetzner Cloud refused to create more resources: your project's limit is reached ("
                                    + error.message() + ").")
                    .remedy("Delete unused servers or IPs in the Hetzner Console, or request a higher limit under "
                            + "your account menu → Limits → Request limit increase.")
                    .build());
            case "token_readonly" -> Optional.of(OpenHavenException.of(ErrorCategory.AUTH,
                            "The Hetzner Cloud token is read-only, but OpenHaven needs to create resources.")
                    .remedy(tokenRemedy())
                    .build());
            case "resource_unavailable" -> Optional.of(OpenHavenException.of(ErrorCategory.PROVIDER_API,
                            "Hetzner Cloud has no capacity for this server type in this location right now ("
                                    + error.message() + ").")
                    .remedy("Pick another location or server type, or retry later.")
                    .retryable(true)
                    .build());
            case "locked", "resource_in_use", "conflict" -> Optional.of(OpenHavenException.of(
                            ErrorCategory.PROVIDER_API,
                            "Hetzner Cloud is still busy with this resource (" + error.summary() + ").")
                    .remedy("Another action on it is running; OpenHaven retries shortly.")
                    .retryable(true)
                    .build());
            default -> Optional.empty();
        };
    }
}
