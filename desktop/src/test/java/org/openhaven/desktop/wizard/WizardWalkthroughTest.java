package org.openhaven.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Walks the whole wizard headless (Monocle) against the scripted test engine, as a user would. */
@ExtendWith(ApplicationExtension.class)
class WizardWalkthroughTest {

    private final ScriptedTestEngine engine = new ScriptedTestEngine().failOnceAt("server");
    private final List<String> opened = new ArrayList<>();
    private DesktopShell shell;
    private boolean finished;

    @Start
    void start(Stage stage) {
        DesktopShell.applyTheme(false);
        shell = new DesktopShell(engine, opened::add);
        shell.showWizard(stage, () -> finished = true);
        stage.setWidth(1040);
        stage.setHeight(720);
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.shutdown();
    }

    @Test
    void walksFromWelcomeToDoneThroughARejectedTokenAndARetriedDeploy(FxRobot robot) {
        robot.clickOn("#next");
        assertThat(step()).isEqualTo(WizardStep.SERVER);

        robot.clickOn("#token").write("wrong-token");
        robot.clickOn("#check-token");
        awaitText(robot, "Hetzner rejected the token (401).");
        robot.clickOn("Where do I create a token with the right permissions?");
        assertThat(opened).containsExactly("https://docs.hetzner.cloud/#getting-started");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();

        robot.doubleClickOn("#token").eraseText(20).write(ScriptedTestEngine.GOOD_TOKEN);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "Project “family-cloud”");
        await(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");

        assertThat(step()).isEqualTo(WizardStep.DOMAIN);
        robot.clickOn("#domain").write("example.org");
        robot.clickOn("#owner-name").write("Ada Lovelace");
        robot.clickOn("#owner-email").write("ada@example.org");
        robot.clickOn("#dns-token").write(ScriptedTestEngine.GOOD_TOKEN);
        robot.clickOn("#check-dns");
        await(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");

        assertThat(step()).isEqualTo(WizardStep.SERVICES);
        await(() -> robot.lookup("#service-gitea").tryQuery().isPresent());
        robot.clickOn("#service-gitea");
        await(() -> robot.lookup("#memory-total").queryAs(Label.class).getText().startsWith("2.5 GB of 4 GB"));
        CheckBox mail = robot.lookup("#service-mail").queryAs(CheckBox.class);
        assertThat(mail.getText()).isEqualTo("Mail server (your own addresses @example.org)");
        assertThat(robot.lookup("#mail-note").queryAs(Label.class).getText()).contains("port 25")
                .endsWith("reverse DNS (PTR) to mail.example.org.");
        robot.interact(mail::fire);
        await(() -> robot.lookup("#memory-total").queryAs(Label.class).getText().startsWith("3 GB of 4 GB"));
        robot.interact(mail::fire);
        await(() -> robot.lookup("#memory-total").queryAs(Label.class).getText().startsWith("2.5 GB of 4 GB"));
        robot.clickOn("#next");

        assertThat(step()).isEqualTo(WizardStep.BACKUPS);
        robot.clickOn("#backup-bucket").write("haven-backups");
        robot.clickOn("#backup-access").write("AKIAEXAMPLE");
        robot.clickOn("#backup-secret").write("backup-secret");
        robot.clickOn("#test-write");
        await(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");

        assertThat(step()).isEqualTo(WizardStep.REVIEW);
        await(() -> robot.lookup("#monthly-cost").tryQuery().isPresent());
        assertThat(robot.lookup("#next").queryButton().getText()).isEqualTo("_Deploy");
        robot.clickOn("#next");

        assertThat(step()).isEqualTo(WizardStep.DEPLOY);
        awaitText(robot, "Hetzner could not create the server: the location is out of capacity (412).");
        awaitText(robot, "Retry in a few minutes, or go back and pick another region.");
        robot.clickOn("#retry");

        await(() -> step() == WizardStep.DONE);
        assertThat(engine.applyCalls()).isEqualTo(2);
        assertThat(robot.lookup("#admin-password").queryAs(Label.class).getText()).doesNotContain("correct-horse");
        robot.clickOn("#reveal-password");
        assertThat(robot.lookup("#admin-password").queryAs(Label.class).getText())
                .isEqualTo("correct-horse-battery-staple-42");
        robot.clickOn("#link-gitea");
        assertThat(opened).contains("https://gitea.example.org");
        robot.clickOn("#finish");
        assertThat(finished).isTrue();
        assertThat(engine.vault()).containsKeys("hetzner/token", "cloudflare/api-token");
    }

    @Test
    void anExistingServerShowsTheKeyToAddAndNextWaitsForAPassingConnectionCheck(FxRobot robot) {
        engine.authorizeServerKeys(false);
        robot.clickOn("#next");
        robot.clickOn("#provider-existing");
        await(() -> !robot.lookup("#key-line").queryAs(TextField.class).getText().isEmpty());
        String line = robot.lookup("#key-line").queryAs(TextField.class).getText();
        assertThat(robot.lookup("#add-key-command").queryAs(TextField.class).getText())
                .isEqualTo("mkdir -p ~/.ssh && echo '" + line + "' >> ~/.ssh/authorized_keys");
        assertThat(robot.lookup("#check-server").queryButton().isDisabled()).as("no host yet").isTrue();

        robot.clickOn("#host").write("203.0.113.7");
        robot.clickOn("#check-server");
        awaitText(robot, "The server root@203.0.113.7:22 refused the haven's SSH key.");
        robot.clickOn("What does my server need?");
        assertThat(opened).containsExactly(org.openhaven.desktop.engine.Choice.EXISTING.tokenPage());
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();

        engine.authorizeServerKeys(true);
        robot.clickOn("#check-server");
        await(() -> robot.lookup(node -> node instanceof Label l && l.isVisible()
                && l.getText().startsWith("root@203.0.113.7:22 · Debian GNU/Linux 12")).tryQuery().isPresent());
        await(() -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");

        assertThat(step()).isEqualTo(WizardStep.DOMAIN);
        await(() -> engine.vault().containsKey("ssh/haven-key.pub"));
        assertThat(engine.vault().get("ssh/haven-key.pub").reveal()).isEqualTo(line);
    }

    @Test
    void backIsKeyboardReachableAndReturnsToThePreviousPage(FxRobot robot) {
        robot.type(KeyCode.ENTER);
        assertThat(step()).isEqualTo(WizardStep.SERVER);
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        waitForFxEvents();
        assertThat(step()).isEqualTo(WizardStep.WELCOME);
        assertThat(robot.lookup("#back").queryAs(Button.class).isDisabled()).isTrue();
    }

    private WizardStep step() {
        waitForFxEvents();
        return shell.wizard().stepProperty().get();
    }

    private static void awaitText(FxRobot robot, String text) {
        await(() -> robot.lookup(node -> node instanceof Label l && text.equals(l.getText()) && l.isVisible())
                .tryQuery().isPresent());
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> {
            waitForFxEvents();
            return condition.call();
        });
    }
}
