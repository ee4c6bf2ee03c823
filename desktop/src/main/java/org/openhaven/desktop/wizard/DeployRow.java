package org.openhaven.desktop.wizard;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One engine step on the deploy page: its state icon, progress where the step knows it, and a summary. */
public final class DeployRow {

    /** Where the step stands. */
    public enum State { RUNNING, DONE, UNCHANGED, FAILED, CANCELLED }

    /** Progress of a step that does not report a fraction; the view shows no bar rather than a guess. */
    public static final double UNKNOWN = -1;

    private final String stepId;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(UNKNOWN);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    DeployRow(String stepId, String title) {
        this.stepId = stepId;
        this.title.set(title);
    }

    void started(String newTitle) {
        title.set(newTitle);
        state.set(State.RUNNING);
        progress.set(UNKNOWN);
        detail.set("");
    }

    void progress(double fraction) {
        progress.set(Math.max(0, Math.min(1, fraction)));
    }

    void finished(boolean changed, String summary) {
        state.set(changed ? State.DONE : State.UNCHANGED);
        if (progress.get() != UNKNOWN) {
            progress.set(1);
        }
        detail.set(summary == null ? "" : summary);
    }

    void failed(String message) {
        state.set(State.FAILED);
        detail.set(message);
    }

    void cancelled() {
        state.set(State.CANCELLED);
    }

    public String stepId() {
        return stepId;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
