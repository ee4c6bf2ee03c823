package org.openhaven.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhaven.desktop.dashboard.DashboardRobot.await;
import static org.openhaven.desktop.dashboard.DashboardRobot.urls;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.engine.secrets.Secret;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A user with two havens switches between them in the dashboard, by keyboard only: Alt+H focuses the switcher,
 * the other haven's vault asks for its own passphrase in a dialog naming it, and its services replace the first
 * haven's.
 */
@ExtendWith(ApplicationExtension.class)
class HavenSwitchWalkthroughTest {

    private static final HavenRef HOME = DashboardRobot.HOME;

    private final ScriptedTestEngine engine = DashboardRobot.homeAndFamily();
    private final HavenMemory memory = HavenMemory.inMemory();
    private DesktopShell shell;

    private Stage stage;

    @Start
    void start(Stage primary) {
        engine.openVault(Secret.of("home passphrase"));
        shell = new DesktopShell(engine, url -> { }, memory);
        stage = DashboardRobot.window();
        shell.showDashboard(stage);
    }

    @AfterEach
    void stop() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.setupFixture(() -> stage.close());
        shell.shutdown();
    }

    @Test
    void switchesToTheOtherHavenAfterItsOwnPassphraseAndRemembersIt(FxRobot robot) {
        await(() -> urls(robot).contains("https://nextcloud.home.example.org"));
        ComboBox<?> switcher = robot.lookup("#haven-switcher").queryComboBox();
        assertThat(switcher.isVisible()).isTrue();
        assertThat(switcher.getValue()).isEqualTo(HOME);

        robot.press(KeyCode.ALT).type(KeyCode.H).release(KeyCode.ALT);
        waitForFxEvents();
        assertThat(switcher.isFocused()).as("Alt+H focuses the haven switcher").isTrue();
        robot.type(KeyCode.DOWN);

        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).startsWith("Unlock the vault of family.example.org");
        assertThat(robot.lookup(node -> node instanceof Label l
                && "This haven's vault has a passphrase of its own.".equals(l.getText())).tryQuery()).isPresent();
        assertThat(urls(robot)).as("nothing of home stays on screen").isEmpty();

        assertThat(robot.lookup("#vault-passphrase").query().isFocused()).as("typing goes to the passphrase").isTrue();
        robot.clickOn("#vault-passphrase").write("home passphrase").type(KeyCode.ENTER);
        await(() -> robot.lookup(node -> node instanceof Label l && l.isVisible() && l.getText() != null
                && l.getText().startsWith("The vault of family.example.org did not open")).tryQuery().isPresent());

        robot.lookup("#vault-passphrase").queryTextInputControl().clear();
        robot.clickOn("#vault-passphrase").write("family passphrase").type(KeyCode.ENTER);

        await(() -> urls(robot).contains("https://nextcloud.family.example.org"));
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(memory.recall()).contains("family");
        assertThat(engine.openedHavens()).containsExactlyInAnyOrder("home", "family");
    }

    @Test
    void escapePutsThePassphraseOffAndTheDashboardSaysWhichVaultWaits(FxRobot robot) {
        await(() -> urls(robot).contains("https://nextcloud.home.example.org"));
        robot.press(KeyCode.ALT).type(KeyCode.H).release(KeyCode.ALT);
        robot.type(KeyCode.DOWN);
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());

        robot.type(KeyCode.ESCAPE);

        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        await(() -> robot.lookup(node -> node instanceof Label l && l.isVisible()
                && "Unlock the vault of family.example.org to see its status.".equals(l.getText()))
                .tryQuery().isPresent());
        assertThat(urls(robot)).isEmpty();
    }
}
