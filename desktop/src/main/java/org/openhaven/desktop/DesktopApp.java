package org.openhaven.desktop;

import javafx.application.Application;
import javafx.application.HostServices;
import javafx.stage.Stage;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.UnavailableEngineGateway;
import org.openhaven.desktop.theme.WindowPlacement;

/** The JavaFX application: the wizard on first run, the dashboard and tray afterwards. */
public final class DesktopApp extends Application {

    private DesktopShell shell;

    static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        DesktopShell.applyOsTheme();
        HostServices host = getHostServices();
        shell = new DesktopShell(new UnavailableEngineGateway(), host::showDocument);
        shell.showWizard(stage, stage::close);
        WindowPlacement.forWindow("wizard").manage(stage, 1040, 720);
        stage.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
