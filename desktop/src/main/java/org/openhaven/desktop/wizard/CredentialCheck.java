package org.openhaven.desktop.wizard;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.error.OpenHavenException;

/**
 * One live check (a cloud token, a DNS token, a backup target): idle, checking, passed with a result line, or
 * failed with the engine's message and remedy. Reset whenever the input it checked changes.
 */
public final class CredentialCheck {

    /** Where the check stands. */
    public enum State { IDLE, CHECKING, PASSED, FAILED }

    private final Async async;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remedy = new ReadOnlyStringWrapper("");
    private long generation;

    public CredentialCheck(Async async) {
        this.async = async;
    }

    /** Starts the check; a result arriving after a {@link #reset()} or a newer check is dropped. */
    public void run(Supplier<String> check, Runnable onPassed) {
        long mine = ++generation;
        state.set(State.CHECKING);
        error.set("");
        remedy.set("");
        async.run(check, ok -> {
            if (mine == generation) {
                result.set(ok);
                state.set(State.PASSED);
                onPassed.run();
            }
        }, failure -> {
            if (mine == generation) {
                fail(failure);
            }
        });
    }

    private void fail(OpenHavenException failure) {
        result.set("");
        error.set(failure.userMessage());
        remedy.set(failure.remedy());
        state.set(State.FAILED);
    }

    public void reset() {
        generation++;
        state.set(State.IDLE);
        result.set("");
        error.set("");
        remedy.set("");
    }

    public boolean passed() {
        return state.get() == State.PASSED;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remedyProperty() {
        return remedy.getReadOnlyProperty();
    }
}
