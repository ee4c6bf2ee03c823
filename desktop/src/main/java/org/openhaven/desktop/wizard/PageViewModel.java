package org.openhaven.desktop.wizard;

import javafx.beans.value.ObservableBooleanValue;

/** What the wizard needs from each page's view-model: whether Next may be pressed, and when it is shown. */
public interface PageViewModel {

    /** True when the page's input is valid and checked, so Next is enabled. */
    ObservableBooleanValue complete();

    /** Called each time the page becomes the current one. */
    default void entered() {
    }
}
