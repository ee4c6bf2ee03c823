package org.openhaven.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.OpenHavenException;

class PollingTest {

    @Test
    void intervalsDoubleUpToTheMaximum() {
        FakeTime time = new FakeTime();
        AtomicInteger calls = new AtomicInteger();

        String result = time.polling().until("the thing", Duration.ofMinutes(5), "wait more",
                () -> calls.incrementAndGet() == 5 ? Optional.of("done") : Optional.empty());

        assertThat(result).isEqualTo("done");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void timeoutNamesWhatWasAwaitedAndIsRetryable() {
        FakeTime time = new FakeTime();

        assertThatThrownBy(() -> time.polling().until("the server demo to run", Duration.ofSeconds(20),
                "Look at the console.", Optional::empty)).isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).isEqualTo("Gave up waiting for the server demo to run after 20 s.");
                    assertThat(e.remedy()).isEqualTo("Look at the console.");
                    assertThat(e.retryable()).isTrue();
                });
    }
}
