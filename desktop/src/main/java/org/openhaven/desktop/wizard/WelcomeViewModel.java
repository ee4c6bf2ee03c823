package org.openhaven.desktop.wizard;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/** The welcome page only explains; it is always complete. */
public final class WelcomeViewModel implements PageViewModel {

    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);

    @Override
    public ObservableBooleanValue complete() {
        return complete.getReadOnlyProperty();
    }
}
