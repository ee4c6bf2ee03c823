package org.openhaven.desktop.wizard;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/** The welcome page explains, and offers recovery from a kit; it is always complete. */
public final class WelcomeViewModel implements PageViewModel {

    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    /** Opens the recovery dialog; the window that can host it sets it. */
    private Runnable recover = () -> { };

    /** What "Restore a haven from its recovery kit" does. */
    public void onRecover(Runnable action) {
        this.recover = action;
    }

    /** The user has a recovery kit and no haven here (a lost computer) or a lost server. */
    public void recover() {
        recover.run();
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete.getReadOnlyProperty();
    }
}
