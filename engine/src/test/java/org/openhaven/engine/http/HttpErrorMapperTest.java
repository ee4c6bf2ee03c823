package org.openhaven.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class HttpErrorMapperTest {

    static final ApiErrors EXAMPLE = new ApiErrors() {
        @Override
        public String providerName() {
            return "Example Cloud";
        }

        @Override
        public ProviderError parse(JsonNode body) {
            return ProviderError.NONE;
        }

        @Override
        public String tokenRemedy() {
            return "Create a token under Settings → Tokens.";
        }

        @Override
        public Optional<OpenHavenException> specific(int status, ProviderError error) {
            return Optional.empty();
        }
    };

    final FakeTime time = new FakeTime();
    final HttpErrorMapper mapper = new HttpErrorMapper(EXAMPLE, time);

    static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void unauthorizedIsAuthWithTheTokenRemedyAndNotRetryable() {
        OpenHavenException e = mapper.map("GET /servers", 401, headers(Map.of()), ProviderError.NONE);

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(e.retryable()).isFalse();
        assertThat(e.userMessage()).isEqualTo(
                "The Example Cloud token is invalid or has expired: GET /servers was refused with HTTP 401.");
        assertThat(e.remedy()).isEqualTo("Create a token under Settings → Tokens.");
    }

    @Test
    void forbiddenSaysAPermissionIsMissing() {
        assertThat(mapper.map("POST /servers", 403, headers(Map.of()), new ProviderError("forbidden", "no"))
                .userMessage()).contains("lacks a permission").contains("(forbidden: no)");
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(mapper.retryAfter(headers(Map.of("Retry-After", "30")))).isEqualTo(Duration.ofSeconds(30));
        assertThat(mapper.retryAfter(headers(Map.of("Retry-After", "Tue, 24 Nov 2026 12:01:00 GMT"))))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rateLimitResetAsUnixTimeOrSecondsFromNow() {
        long inTwentySeconds = time.instant().getEpochSecond() + 20;
        assertThat(mapper.retryAfter(headers(Map.of("RateLimit-Reset", Long.toString(inTwentySeconds)))))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(mapper.retryAfter(headers(Map.of("RateLimit-Reset", "9")))).isEqualTo(Duration.ofSeconds(9));
        assertThat(mapper.retryAfter(headers(Map.of()))).isEqualTo(HttpErrorMapper.DEFAULT_THROTTLE_WAIT);
    }

    @Test
    void serverErrorsAreRetryableProviderErrors() {
        OpenHavenException e = mapper.map("GET /servers", 502, headers(Map.of()), ProviderError.NONE);

        assertThat(e.category()).isEqualTo(ErrorCategory.PROVIDER_API);
        assertThat(e.retryable()).isTrue();
        assertThat(e.throttled()).isFalse();
    }
}
