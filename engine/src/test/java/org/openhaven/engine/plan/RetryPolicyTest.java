package org.openhaven.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));
    private final OpenHavenException blip = OpenHavenException.of(ErrorCategory.NETWORK, "timeout").build();

    @Test
    void delayDoublesPerAttemptWithJitterInTheUpperHalf() {
        assertThat(policy.delay(1, blip, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, blip, () -> 0.999999)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(policy.delay(2, blip, () -> 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3, blip, () -> 0.5)).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.delay(4, blip, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void delayIsCappedEvenAfterManyAttempts() {
        assertThat(policy.delay(40, blip, () -> 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(40, blip, () -> 0.0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void throttlingWaitsAtLeastTheRetryAfter() {
        OpenHavenException throttled = OpenHavenException.of(ErrorCategory.PROVIDER_API, "429")
                .retryAfter(Duration.ofSeconds(45)).build();
        assertThat(policy.delay(1, throttled, () -> 0.0)).isEqualTo(Duration.ofSeconds(45));
        OpenHavenException shortWait = OpenHavenException.of(ErrorCategory.PROVIDER_API, "429")
                .retryAfter(Duration.ofMillis(10)).build();
        assertThat(policy.delay(4, shortWait, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void onlyRetryableFailuresAreRetriedAndOnlyUpToTheBound() {
        OpenHavenException auth = OpenHavenException.of(ErrorCategory.AUTH, "401").build();
        assertThat(policy.shouldRetry(1, auth)).isFalse();
        assertThat(policy.shouldRetry(4, blip)).isTrue();
        assertThat(policy.shouldRetry(5, blip)).isFalse();
    }
}
