package org.openhaven.engine.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * The one place where an HTTP failure of a REST provider becomes an {@link OpenHavenException}: 401/403 are
 * AUTH (never "gone"), 429 is throttling with the wait the server asked for, 5xx is a retryable provider
 * outage, and the provider's own {@link ApiErrors} decide about quotas and limits first.
 */
public final class HttpErrorMapper {

    /** Used when a 429 carries neither Retry-After nor RateLimit-Reset. */
    static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(5);

    private final ApiErrors errors;
    private final Clock clock;

    public HttpErrorMapper(ApiErrors errors, Clock clock) {
        this.errors = errors;
        this.clock = clock;
    }

    /** Maps a failed response ({@code status >= 400}); {@code what} names the request, e.g. "POST /servers". */
    public OpenHavenException map(String what, int status, HttpHeaders headers, ProviderError error) {
        Optional<OpenHavenException> specific = errors.specific(status, error);
        if (specific.isPresent()) {
            return specific.get();
        }
        String name = errors.providerName();
        String detail = error.summary().isEmpty() ? "" : " (" + error.summary() + ")";
        if (status == 401 || status == 403) {
            String problem = status == 401 ? "is invalid or has expired" : "lacks a permission this request needs";
            return OpenHavenException.of(ErrorCategory.AUTH,
                            "The " + name + " token " + problem + ": " + what + " was refused with HTTP " + status
                                    + detail + ".")
                    .remedy(errors.tokenRemedy())
                    .build();
        }
        if (status == 429) {
            Duration wait = retryAfter(headers);
            return OpenHavenException.of(ErrorCategory.PROVIDER_API,
                            name + " is rate-limiting requests (HTTP 429 on " + what + ").")
                    .remedy("OpenHaven waits " + wait.toSeconds() + " s and tries again; if this persists, "
                            + "stop other tools that use the same token.")
                    .retryAfter(wait)
                    .build();
        }
        if (status >= 500) {
            return OpenHavenException.of(ErrorCategory.PROVIDER_API,
                            name + " had an internal problem (HTTP " + status + " on " + what + ")" + detail + ".")
                    .remedy("This is usually temporary: retry in a few minutes, and check the provider's status page.")
                    .retryable(true)
                    .build();
        }
        if (status == 409) {
            return OpenHavenException.of(ErrorCategory.PROVIDER_API,
                            name + " reported a conflict on " + what + detail + ".")
                    .remedy("Another operation on the same resource is probably still running; retry shortly.")
                    .retryable(true)
                    .build();
        }
        return OpenHavenException.of(ErrorCategory.PROVIDER_API,
                        name + " rejected " + what + " with HTTP " + status + detail + ".")
                .remedy("Check the haven's settings for this provider; the message above names the field it disliked.")
                .build();
    }

    /**
     * How long the server asked us to wait: {@code Retry-After} (seconds or an HTTP date) first, then
     * {@code RateLimit-Reset} (a Unix time at Hetzner and DigitalOcean), else a short default.
     */
    public Duration retryAfter(HttpHeaders headers) {
        Optional<String> retryAfter = headers.firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            String value = retryAfter.get().trim();
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return nonNegative(Duration.between(clock.instant(), at));
            } catch (DateTimeParseException unreadable) {
                return DEFAULT_THROTTLE_WAIT;
            }
        }
        Optional<String> reset = headers.firstValue("RateLimit-Reset");
        if (reset.isPresent() && reset.get().trim().matches("\\d+")) {
            long epochSeconds = Long.parseLong(reset.get().trim());
            // Small values are "seconds from now" (IETF draft); large ones are a Unix time (Hetzner, DigitalOcean).
            if (epochSeconds < 1_000_000_000L) {
                return Duration.ofSeconds(epochSeconds);
            }
            return nonNegative(Duration.between(clock.instant(), Instant.ofEpochSecond(epochSeconds)));
        }
        return DEFAULT_THROTTLE_WAIT;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
