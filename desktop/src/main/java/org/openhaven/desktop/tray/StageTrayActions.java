package org.openhaven.desktop.tray;

import java.util.function.Consumer;
import javafx.stage.Stage;

/** The tray's actions on the running app: bring the main window back, open links, switch the VPN, quit. */
public final class StageTrayActions implements TrayActions {

    private final Stage stage;
    private final Consumer<String> openUrl;
    private final Consumer<Boolean> vpn;
    private final Runnable quit;

    public StageTrayActions(Stage stage, Consumer<String> openUrl, Consumer<Boolean> vpn, Runnable quit) {
        this.stage = stage;
        this.openUrl = openUrl;
        this.vpn = vpn;
        this.quit = quit;
    }

    /** Shows, de-iconifies and raises the window; also what a second launch of the app asks for. */
    public static void bringToFront(Stage stage) {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    @Override
    public void openDashboard() {
        bringToFront(stage);
    }

    @Override
    public void openUrl(String url) {
        openUrl.accept(url);
    }

    @Override
    public void setVpn(boolean on) {
        vpn.accept(on);
    }

    @Override
    public void quit() {
        quit.run();
    }
}
