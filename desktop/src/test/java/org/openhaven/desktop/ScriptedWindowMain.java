package org.openhaven.desktop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Test main, not shipped: the real window process ({@link DesktopApp}, as {@link Launcher} starts it), driven by a
 * test through this JVM's stdin the way a user drives it: {@code unlock <passphrase>} types into the real passphrase
 * dialog and presses its Unlock button, {@code close} clicks the window's close box (WINDOW_CLOSE_REQUEST). Prints
 * {@code ready}, {@code tray-pid <pid>} and {@code done <command>} lines. Exits when the app does, like the Launcher.
 */
public final class ScriptedWindowMain {

    private ScriptedWindowMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread app = new Thread(() -> Application.launch(DesktopApp.class), "scripted-window-app");
        app.start();
        Thread commands = new Thread(ScriptedWindowMain::readCommands, "scripted-window-commands");
        commands.setDaemon(true);
        commands.start();
        app.join();
        System.out.println("exited");
        System.exit(0);
    }

    private static void readCommands() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("unlock ")) {
                    String passphrase = line.substring("unlock ".length());
                    DialogPane dialog = waitFor(() -> Window.getWindows().stream().filter(Window::isShowing)
                            .map(w -> w.getScene().getRoot()).filter(r -> r instanceof DialogPane)
                            .map(r -> (DialogPane) r).findFirst());
                    onFx(() -> {
                        ((PasswordField) dialog.lookup("#vault-passphrase")).setText(passphrase);
                        ButtonType unlock = dialog.getButtonTypes().stream()
                                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst()
                                .orElseThrow();
                        ((javafx.scene.control.Button) dialog.lookupButton(unlock)).fire();
                        return null;
                    });
                } else if (line.equals("close")) {
                    Stage main = waitFor(ScriptedWindowMain::mainStage);
                    onFx(() -> {
                        main.fireEvent(new WindowEvent(main, WindowEvent.WINDOW_CLOSE_REQUEST));
                        return null;
                    });
                } else if (line.equals("tray-pid")) {
                    System.out.println("tray-pid " + DesktopApp.trayPid().orElse(-1));
                    continue;
                }
                System.out.println("done " + line.split(" ")[0]);
            }
        } catch (Exception e) {
            System.out.println("failed " + e);
        }
    }

    private static Optional<Stage> mainStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getOwner() == null).map(w -> (Stage) w).findFirst();
    }

    private static <T> T waitFor(java.util.function.Supplier<Optional<T>> lookup) throws Exception {
        for (int i = 0; i < 600; i++) {
            Optional<T> found = onFx(() -> lookup.get()).orElse(null);
            if (found != null && found.isPresent()) {
                return found.get();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("not shown within 60 s");
    }

    private static <T> Optional<T> onFx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        try {
            Platform.runLater(task);
        } catch (IllegalStateException toolkitNotUp) {
            return Optional.empty();
        }
        return Optional.ofNullable(task.get(30, TimeUnit.SECONDS));
    }
}
