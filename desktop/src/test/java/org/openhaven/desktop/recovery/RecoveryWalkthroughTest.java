package org.openhaven.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.RecoveryKitFile;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lost computer, headless (Monocle): from the welcome page's link through a file that is no kit, the haven.yaml,
 * refused storage keys, the tokens, the confirmation, a failed step and Retry, to the recovered haven's links.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryWalkthroughTest {

    private static final String GOOD = ScriptedTestEngine.GOOD_TOKEN;

    @TempDir
    Path dir;

    private final ScriptedTestEngine engine = new ScriptedTestEngine().failOnceAt("server");
    private final List<String> opened = new ArrayList<>();
    private final Deque<Path> picked = new ArrayDeque<>();
    private DesktopShell shell;
    private Stage main;
    private Stage dialog;
    private Parent dialogRoot;

    @Start
    void start(Stage stage) {
        DesktopShell.applyTheme(false);
        main = stage;
        shell = new DesktopShell(engine, opened::add);
        shell.showWizard(stage, () -> { });
        // as the app wires it, with files handed in where the app shows a FileChooser
        shell.wizard().welcome().onRecover(() -> {
            dialog = new Stage();
            dialog.initOwner(main);
            RecoveryDialog view = new RecoveryDialog(new RecoveryViewModel(engine, shell.async()), opened::add,
                    kind -> Optional.ofNullable(picked.poll()), dialog::close);
            dialogRoot = view.node();
            dialog.setScene(DesktopShell.scene(dialogRoot));
            dialog.setWidth(860);
            dialog.setHeight(660);
            dialog.show();
        });
        stage.setWidth(1040);
        stage.setHeight(720);
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.shutdown();
    }

    @Test
    void recoversALostHavenFromItsKitThroughRefusedKeysAndARetriedStep(FxRobot robot) throws IOException {
        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);
        await(() -> dialogRoot != null && dialog.isShowing());

        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a kit\n");
        picked.add(notes);
        robot.clickOn("#choose-kit");
        await(() -> visibleLabel(robot, l -> l.getStyleClass().contains("oh-status-error")));
        assertThat(button(robot, "#recovery-next").isDisabled()).isTrue();

        picked.add(kit());
        robot.clickOn("#choose-kit");
        awaitText(robot, "Recovery kit of lost.example.org, backups at " + kitDescription());
        robot.clickOn("#recovery-next");

        awaitText(robot, "What this computer still needs");
        picked.add(spec());
        robot.clickOn("#choose-spec");
        awaitText(robot, "Settings of lost.example.org, matching the kit.");

        robot.clickOn("#storage-key-id").write("AKIA-typo");
        robot.clickOn("#storage-secret").write("wrong");
        robot.clickOn("#check-storage");
        awaitText(robot, "The backup storage refused the keys (403 InvalidAccessKeyId).");
        robot.doubleClickOn("#storage-key-id").eraseText(20).write(GOOD);
        robot.clickOn("#storage-secret").eraseText(20).write(GOOD);
        robot.clickOn("#check-storage");
        await(() -> visibleLabel(robot, l -> l.getText().startsWith("The keys open the backups")));

        // below the fold now: on by keyboard, as a user without a mouse would
        robot.clickOn("#storage-secret");
        robot.type(KeyCode.TAB, KeyCode.TAB);
        assertThat(dialog.getScene().getFocusOwner().getId()).isEqualTo("cloud-token");
        robot.write(GOOD).type(KeyCode.TAB).type(KeyCode.SPACE);
        awaitText(robot, "Project “family-cloud”");
        robot.type(KeyCode.TAB);
        assertThat(dialog.getScene().getFocusOwner().getId()).isEqualTo("dns-token");
        robot.write(GOOD).type(KeyCode.TAB).type(KeyCode.SPACE);
        await(() -> !button(robot, "#recovery-next").isDisabled());
        robot.clickOn("#recovery-next");

        awaitText(robot, "Recover on a new server?");
        assertThat(robot.from(dialogRoot).lookup("#recovery-confirmation").queryAs(Label.class).getText())
                .contains("NEW server for lost-haven").contains("old server is kept, never deleted");
        assertThat(engine.recoverCalls()).isZero();
        robot.clickOn("#recovery-next");

        awaitText(robot, "Hetzner could not create the server: the location is out of capacity (412).");
        awaitText(robot, "Retry in a few minutes, or go back and pick another region.");
        robot.clickOn(robot.from(dialogRoot).lookup("#retry").queryButton());

        awaitText(robot, "Your haven is back");
        awaitText(robot, "lost.example.org was restored from snapshot bbbb2222.");
        await(() -> visibleLabel(robot, l -> l.getText().contains("kept, not deleted")));
        robot.clickOn("https://git.lost.example.org");
        assertThat(opened).containsExactly("https://git.lost.example.org");
        assertThat(engine.recoverCalls()).isEqualTo(2);

        robot.clickOn("#recovery-close");
        await(() -> !dialog.isShowing());
    }

    private Path kit() {
        Path file = dir.resolve("openhaven-recovery-kit.txt");
        RecoveryKitFile.write(new RecoveryKit("lost-haven", "lost.example.org", repository(), Secret.of("kit-pw-123"),
                Instant.parse("2026-11-24T20:30:00Z")), file);
        return file;
    }

    private static ResticRepository repository() {
        return ResticRepository.of(new BackupSpec("https://s3.example.test", "eu-1", "haven-backups", "lost-haven",
                null, null));
    }

    private static String kitDescription() {
        return repository().describe() + ".";
    }

    private Path spec() throws IOException {
        Path file = dir.resolve("haven.yaml");
        Files.writeString(file, "name: lost-haven\ndomain: lost.example.org\n");
        return file;
    }

    private javafx.scene.control.Button button(FxRobot robot, String id) {
        return robot.from(dialogRoot).lookup(id).queryButton();
    }

    private boolean visibleLabel(FxRobot robot, java.util.function.Predicate<Label> test) {
        java.util.function.Predicate<javafx.scene.Node> match = node -> node instanceof Label l && l.isVisible()
                && test.test(l);
        return robot.from(dialogRoot).lookup(match).tryQuery().isPresent();
    }

    private void awaitText(FxRobot robot, String text) {
        await(() -> visibleLabel(robot, l -> text.equals(l.getText())));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(condition);
    }
}
