package org.openhaven.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.openhaven.engine.error.OpenHavenException;

/**
 * What one provider's API says when it fails: how to read its error body, where to get a working token, and
 * which of its errors mean "a limit was reached". {@link HttpErrorMapper} does everything common to all.
 */
public interface ApiErrors {

    /** The provider's name as users know it, e.g. {@code Hetzner Cloud}. */
    String providerName();

    /** Reads the provider's error body; lenient, returns {@link ProviderError#NONE} for anything unexpected. */
    ProviderError parse(JsonNode body);

    /** Where to create a token with the right permissions, with the exact console path. */
    String tokenRemedy();

    /**
     * A provider-specific translation (quota, limits, conflicts) that takes precedence over the generic status
     * mapping; empty to fall through to it.
     */
    Optional<OpenHavenException> specific(int status, ProviderError error);
}
