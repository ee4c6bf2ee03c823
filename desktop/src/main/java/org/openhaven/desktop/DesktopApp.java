package org.openhaven.desktop;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the wizard on first run, the dashboard and tray afterwards. */
public final class DesktopApp extends Application {

    static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("OpenHaven");
        stage.setScene(new Scene(new Label("OpenHaven"), 960, 640));
        stage.show();
    }
}
