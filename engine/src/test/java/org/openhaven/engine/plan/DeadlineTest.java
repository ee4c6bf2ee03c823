package org.openhaven.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class DeadlineTest {

    private final FakeTime time = new FakeTime();

    @Test
    void anExpiredWaitNamesWhatItWaitedForAndForHowLong() {
        Waiter waiter = new Waiter(time, time);
        assertThatThrownBy(() -> waiter.until("SSH on 203.0.113.7:22", Duration.ofMinutes(5), Duration.ofSeconds(1),
                CancellationToken.none(), () -> {
                    throw OpenHavenException.of(ErrorCategory.NETWORK, "Connection refused").build();
                }))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).isEqualTo("Gave up after 5 min waiting for SSH on 203.0.113.7:22."
                            + " Last seen: Connection refused");
                    assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
                });
        assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void pollingBacksOffUpToThirtySeconds() {
        Waiter waiter = new Waiter(time, time);
        AtomicInteger calls = new AtomicInteger();
        String result = waiter.until("the server", Duration.ofMinutes(10), Duration.ofSeconds(1),
                CancellationToken.none(), () -> calls.incrementAndGet() == 8 ? Optional.of("up") : Optional.empty());
        assertThat(result).isEqualTo("up");
        assertThat(time.sleeps).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aNonRetryableFailureEndsTheWaitAtOnce() {
        Waiter waiter = new Waiter(time, time);
        assertThatThrownBy(() -> waiter.until("the server", Duration.ofMinutes(10), Duration.ofSeconds(1),
                CancellationToken.none(), () -> {
                    throw OpenHavenException.of(ErrorCategory.AUTH, "401").build();
                })).hasMessage("401");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void cancellationStopsAWait() {
        Waiter waiter = new Waiter(time, time);
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> waiter.until("the server", Duration.ofMinutes(10), Duration.ofSeconds(1), token,
                () -> {
                    token.cancel();
                    return Optional.empty();
                })).isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED));
    }

    @Test
    void deadlineReportsRemainingTime() {
        Deadline deadline = Deadline.after(time, Duration.ofSeconds(90), "DNS to propagate");
        time.sleep(Duration.ofSeconds(30), CancellationToken.none());
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(60));
        time.sleep(Duration.ofSeconds(60), CancellationToken.none());
        assertThatThrownBy(deadline::check).hasMessage("Gave up after 1 min 30 s waiting for DNS to propagate.");
    }
}
