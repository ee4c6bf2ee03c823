package org.openhaven.desktop.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhaven.desktop.dashboard.DashboardRobot.await;
import static org.openhaven.desktop.dashboard.DashboardRobot.urls;

import java.util.Map;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.dashboard.DashboardRobot;
import org.openhaven.desktop.dashboard.HavenMemory;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.ui.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The keychain as a user meets it, by keyboard: a kept passphrase opens the vault with no dialog, one changed
 * elsewhere brings the dialog saying why, and the dashboard's Vault menu forgets the shown haven's passphrase.
 */
@ExtendWith(ApplicationExtension.class)
class KeychainWalkthroughTest {

    private final ScriptedTestEngine engine = DashboardRobot.homeAndFamily();
    private final RecordingPassphraseStore keychain = new RecordingPassphraseStore()
            .with("vault-passphrase:family", "family passphrase");
    private DesktopShell shell;
    private Stage stage;

    @Start
    void start(Stage primary) {
        shell = new DesktopShell(engine, url -> { }, HavenMemory.inMemory(), keychain);
        stage = DashboardRobot.window();
    }

    @AfterEach
    void stop() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.setupFixture(() -> stage.close());
        shell.shutdown();
    }

    private void startUp(FxRobot robot) {
        robot.interact(() -> {
            shell.showDashboard(stage);
            shell.unlockAtStart(stage);
        });
    }

    @Test
    void aKeptPassphraseOpensTheVaultWithoutAskingAndTheVaultMenuForgetsIt(FxRobot robot) {
        keychain.with("vault-passphrase:home", "home passphrase");
        startUp(robot);
        await(() -> engine.openedHavens().contains("home"));
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no passphrase dialog").isEmpty();

        robot.press(KeyCode.ALT).type(KeyCode.V).release(KeyCode.ALT);
        await(() -> robot.lookup("Forget the saved passphrase").tryQuery().isPresent());
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        await(() -> robot.lookup(node -> node instanceof Label l && l.getText() != null
                && l.getText().startsWith("The passphrase of home.example.org is no longer saved")).tryQuery()
                .isPresent());
        assertThat(keychain.entries()).isEqualTo(Map.of("vault-passphrase:family", "family passphrase"));
    }

    @Test
    void aPassphraseChangedElsewhereIsDroppedAndTheDialogSaysWhy(FxRobot robot) {
        keychain.with("vault-passphrase:home", "the old home passphrase");
        startUp(robot);

        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).startsWith("Unlock the vault of home.example.org");
        assertThat(robot.lookup(node -> node instanceof Label l
                && Messages.get("vault.keptNoLongerOpens").equals(l.getText())).tryQuery()).isPresent();
        assertThat(keychain.entries()).doesNotContainKey("vault-passphrase:home");

        robot.clickOn("#vault-passphrase").write("home passphrase").type(KeyCode.ENTER);

        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        await(() -> urls(robot).contains("https://nextcloud.home.example.org"));
        assertThat(keychain.entries()).containsEntry("vault-passphrase:home", "home passphrase");
    }
}
