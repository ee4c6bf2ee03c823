package org.openhaven.desktop.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.theme.ThemeDetector;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Css;
import org.openhaven.desktop.ui.FxClipboard;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.ui.Scheduler;
import org.openhaven.desktop.ui.SecretClipboard;
import org.openhaven.desktop.wizard.WizardView;
import org.openhaven.desktop.wizard.WizardViewModel;

/**
 * Builds the windows on a given engine gateway. Shared by the app, the UI tests and the screenshot tool, so all
 * three show exactly the same thing.
 */
public final class DesktopShell {

    private final EngineGateway engine;
    private final ExecutorService background;
    private final Async async;
    private final WizardViewModel wizard;
    private final Consumer<String> openUrl;

    public DesktopShell(EngineGateway engine, Consumer<String> openUrl) {
        this.engine = engine;
        this.openUrl = openUrl;
        this.background = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "openhaven-engine");
            thread.setDaemon(true);
            return thread;
        });
        this.async = new Async(background, Platform::runLater);
        Scheduler fxLater = (Duration delay, Runnable task) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> task.run());
            pause.play();
        };
        this.wizard = new WizardViewModel(engine, async, new SecretClipboard(new FxClipboard(), fxLater));
    }

    /** Applies the OS's light or dark preference. */
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void applyOsTheme() {
        applyTheme(ThemeDetector.prefersDark());
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public EngineGateway engine() {
        return engine;
    }

    public Async async() {
        return async;
    }

    public Scene wizardScene(Runnable onFinished) {
        return scene(new WizardView(wizard, openUrl, onFinished).node());
    }

    public static Scene scene(Parent root) {
        Scene scene = new Scene(root);
        for (String sheet : Css.STYLESHEETS) {
            scene.getStylesheets().add(DesktopShell.class.getResource(sheet).toExternalForm());
        }
        return scene;
    }

    public void showWizard(Stage stage, Runnable onFinished) {
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(wizardScene(onFinished));
        stage.setMinWidth(900);
        stage.setMinHeight(620);
    }

    public void shutdown() {
        background.shutdownNow();
    }
}
