package org.openhaven.engine.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when something sleeps, and records every sleep. Lets retry, throttling and
 * polling logic run instantly in tests while still asserting how long it would have waited.
 */
public final class FakeTime extends Clock implements Sleeper {

    private Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public Polling polling() {
        return new Polling(this, this, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public RestClient.RetryPolicy retry() {
        return new RestClient.RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }
}
