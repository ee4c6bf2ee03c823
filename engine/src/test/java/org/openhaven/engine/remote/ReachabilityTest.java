package org.openhaven.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class ReachabilityTest {

    /** A clock the sleeper advances, so waiting costs no wall-clock time. */
    private static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> pauses = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void sleep(Duration d) {
            pauses.add(d);
            now = now.plus(d);
        }
    }

    @Test
    void givesUpAtTheDeadlineNamingHostAndPortWithGrowingPauses() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FakeTime time = new FakeTime();
        Reachability reachability = new Reachability(time, time::sleep);
        assertThatThrownBy(() -> reachability.awaitSsh(new SshTarget("127.0.0.1", closed, "root"),
                Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
                    assertThat(e.userMessage()).contains("127.0.0.1:" + closed, "within 30 seconds");
                });
        assertThat(time.pauses).startsWith(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(time.pauses.stream().reduce(Duration.ZERO, Duration::plus)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void returnsOnceThePortSpeaksSsh() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread banner = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // the test fails on its own if the banner never arrives
                }
            });
            banner.start();
            FakeTime time = new FakeTime();
            new Reachability(time, time::sleep).awaitSsh(new SshTarget("127.0.0.1", server.getLocalPort(), "root"),
                    Duration.ofSeconds(30));
            assertThat(time.pauses).isEmpty();
            banner.join();
        }
    }
}
