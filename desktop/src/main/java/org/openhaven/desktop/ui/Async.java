package org.openhaven.desktop.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openhaven.engine.error.OpenHavenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs engine calls off the UI thread and hands the outcome back on it. View-models get one of these, so in
 * tests both executors can be the calling thread and no window is needed.
 */
public final class Async {

    private static final Logger LOG = LoggerFactory.getLogger(Async.class);

    private final Executor background;
    private final Executor ui;

    public Async(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Both on the calling thread: for unit tests. */
    public static Async direct() {
        return new Async(Runnable::run, Runnable::run);
    }

    public Executor ui() {
        return ui;
    }

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread. An
     * unexpected exception becomes an internal {@link OpenHavenException}, so the UI always has a message and a
     * remedy to show and never a stack trace.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<OpenHavenException> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (OpenHavenException e) {
                LOG.info("Engine call failed: {}", e.userMessage(), e);
                ui.execute(() -> onFailure.accept(e));
                return;
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure in an engine call", e);
                OpenHavenException wrapped = OpenHavenException.internal(Messages.get("error.unexpected"), e);
                ui.execute(() -> onFailure.accept(wrapped));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }
}
