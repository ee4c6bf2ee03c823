package org.openhaven.engine.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.ApiErrors;
import org.openhaven.engine.http.ProviderError;

/**
 * Cloudflare's envelope {@code {"success":false,"errors":[{"code":…,"message":…}],"messages":[],"result":null}}
 * (developers.cloudflare.com/fundamentals/api/troubleshooting/).
 */
final class CloudflareErrors implements ApiErrors {

    /** "A record with the same settings already exists" and "An A, AAAA, or CNAME record with that host already exists". */
    private static final Set<String> RECORD_CONFLICTS = Set.of("81057", "81058", "81053");

    @Override
    public String providerName() {
        return "Cloudflare";
    }

    @Override
    public ProviderError parse(JsonNode body) {
        JsonNode first = body.path("errors").path(0);
        return new ProviderError(first.path("code").asText(""), first.path("message").asText(""));
    }

    @Override
    public String tokenRemedy() {
        return "Create an API token in the Cloudflare dashboard: My Profile → API Tokens → Create Token → template "
                + "\"Edit zone DNS\", with the permissions Zone → DNS → Edit and Zone → Zone → Read for your domain's "
                + "zone, and enter it again. (A Global API Key does not work here.)";
    }

    @Override
    public Optional<OpenHavenException> specific(int status, ProviderError error) {
        if (RECORD_CONFLICTS.contains(error.code())) {
            return Optional.of(OpenHavenException.of(ErrorCategory.CONFIG,
                            "Cloudflare already has a conflicting DNS record (" + error.summary() + ").")
                    .remedy("In the Cloudflare dashboard open DNS → Records, delete the record with that name that "
                            + "OpenHaven did not create, and apply again.")
                    .build());
        }
        return Optional.empty();
    }
}
