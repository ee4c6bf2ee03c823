package org.openhaven.desktop.theme;

import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** Remembers a window's size and position between runs (java.util.prefs: no file of our own to manage). */
public final class WindowPlacement {

    private final Preferences prefs;

    public WindowPlacement(Preferences prefs) {
        this.prefs = prefs;
    }

    public static WindowPlacement forWindow(String name) {
        return new WindowPlacement(Preferences.userNodeForPackage(WindowPlacement.class).node(name));
    }

    /** Restores the saved placement (or the given default size) and saves it again whenever it changes. */
    public void manage(Stage stage, double defaultWidth, double defaultHeight) {
        stage.setWidth(prefs.getDouble("width", defaultWidth));
        stage.setHeight(prefs.getDouble("height", defaultHeight));
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.widthProperty().addListener((o, a, b) -> prefs.putDouble("width", b.doubleValue()));
        stage.heightProperty().addListener((o, a, b) -> prefs.putDouble("height", b.doubleValue()));
        stage.xProperty().addListener((o, a, b) -> prefs.putDouble("x", b.doubleValue()));
        stage.yProperty().addListener((o, a, b) -> prefs.putDouble("y", b.doubleValue()));
    }
}
