package org.openhaven.desktop.app;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;

/**
 * Gives memory back when the main window goes to the tray. The app then idles for hours, so one garbage
 * collection shortly after the window hides lets the heap shrink to what the tray needs (the
 * {@code -XX:MaxHeapFreeRatio} of desktop/launch.conf) and returns the freed pages to the OS. The delay lets
 * JavaFX release the hidden window's buffers first. A one-shot per hide, never a repeating timer.
 */
public final class IdleFootprint {

    /** Long enough for the render pulses after hiding to drop the window's surfaces. */
    static final Duration SETTLE = Duration.ofSeconds(3);

    private final ScheduledExecutorService timers;
    private final Runnable collect;

    IdleFootprint(ScheduledExecutorService timers, Runnable collect) {
        this.timers = timers;
        this.collect = collect;
    }

    /** Collects garbage {@link #SETTLE} after each time the stage hides. */
    public static void collectWhenHidden(Stage stage, ScheduledExecutorService timers) {
        new IdleFootprint(timers, System::gc).watch(stage);
    }

    void watch(Stage stage) {
        stage.showingProperty().addListener((observable, wasShowing, showing) -> {
            if (!showing) {
                try {
                    timers.schedule(collect, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException shuttingDown) {
                    // the app is quitting: the OS takes all memory back anyway
                }
            }
        });
    }
}
