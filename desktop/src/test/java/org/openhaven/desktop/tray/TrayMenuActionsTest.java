package org.openhaven.desktop.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.vpn.VpnState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The tray menu's actions against a real (headless) window, without a system tray: the AWT adapter only draws. */
@ExtendWith(ApplicationExtension.class)
class TrayMenuActionsTest {

    private final List<String> opened = new ArrayList<>();
    private final List<Boolean> vpnRequests = new ArrayList<>();
    private final List<String> quits = new ArrayList<>();
    private Stage stage;
    private TrayMenu menu;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("dashboard"), 400, 300));
        stage.show();
        StageTrayActions actions = new StageTrayActions(stage, opened::add, vpnRequests::add, () -> quits.add("quit"));
        menu = TrayMenuModel.build(new ScriptedTestEngine().status(), VpnState.DISCONNECTED, Instant.now(), actions);
    }

    @Test
    void openDashboardBringsTheHiddenWindowBack(FxRobot robot) {
        robot.interact(stage::hide);
        assertThat(stage.isShowing()).isFalse();

        Platform.runLater(menu.item("dashboard").action());
        waitForFxEvents();

        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isIconified()).isFalse();
    }

    @Test
    void serviceVpnAndQuitEntriesReachTheApp(FxRobot robot) {
        robot.interact(() -> {
            menu.item("open:nextcloud").action().run();
            menu.item("vpn").action().run();
            menu.item("quit").action().run();
        });
        assertThat(opened).containsExactly("https://nextcloud.example.org");
        assertThat(vpnRequests).containsExactly(true);
        assertThat(quits).containsExactly("quit");
        assertThat(menu.status()).isEqualTo(TrayStatus.DEGRADED);
    }
}
