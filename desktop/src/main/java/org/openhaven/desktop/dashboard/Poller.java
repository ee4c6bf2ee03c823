package org.openhaven.desktop.dashboard;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a refresh every {@link #INTERVAL} while its window is shown, and not at all while it is hidden (the app
 * then sits in the tray, where the tray's own slower check runs). Never faster than 30 s.
 */
public final class Poller {

    public static final Duration INTERVAL = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler;
    private final Runnable refresh;
    private final Duration interval;
    private ScheduledFuture<?> running;

    public Poller(ScheduledExecutorService scheduler, Runnable refresh, Duration interval) {
        if (interval.compareTo(INTERVAL) < 0) {
            throw new IllegalArgumentException("polling faster than every 30 s wastes battery: " + interval);
        }
        this.scheduler = scheduler;
        this.refresh = refresh;
        this.interval = interval;
    }

    /** Starts polling (refreshing at once) when shown; stops when hidden. */
    public synchronized void setShown(boolean shown) {
        if (shown && running == null) {
            running = scheduler.scheduleWithFixedDelay(refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        } else if (!shown && running != null) {
            running.cancel(false);
            running = null;
        }
    }

    public synchronized boolean isRunning() {
        return running != null;
    }
}
