package org.openhaven.engine.http;

import java.time.Duration;

/** Waits between attempts. Tests pass a recording sleeper so retry logic runs without real time passing. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
