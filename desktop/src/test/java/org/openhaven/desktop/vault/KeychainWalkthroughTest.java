package org.openhaven.desktop.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.dashboard.HavenMemory;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.engine.ServiceHealth;
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

    private static final HavenRef HOME = new HavenRef("home", "home.example.org");
    private static final HavenRef FAMILY = new HavenRef("family", "family.example.org");

    private final ScriptedTestEngine engine = new ScriptedTestEngine();
    private final RecordingPassphraseStore keychain = new RecordingPassphraseStore()
            .with("vault-passphrase:family", "family passphrase");
    private DesktopShell shell;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        Map<HavenRef, String> havens = new LinkedHashMap<>();
        havens.put(HOME, "home passphrase");
        havens.put(FAMILY, "family passphrase");
        engine.withHavens(havens);
        DesktopShell.applyTheme(false);
        shell = new DesktopShell(engine, url -> { }, HavenMemory.inMemory(), keychain);
        stage.setWidth(1040);
        stage.setHeight(720);
        stage.show();
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

    @SuppressWarnings("unchecked")
    private static java.util.List<String> urls(FxRobot robot) {
        TableView<ServiceHealth> table = robot.lookup("#services-table").queryAs(TableView.class);
        return table.getItems().stream().map(ServiceHealth::url).toList();
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> {
            waitForFxEvents();
            return condition.call();
        });
    }
}
