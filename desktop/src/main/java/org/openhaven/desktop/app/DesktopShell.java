package org.openhaven.desktop.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.openhaven.desktop.dashboard.ChangesDialog;
import org.openhaven.desktop.dashboard.DashboardView;
import org.openhaven.desktop.dashboard.DashboardViewModel;
import org.openhaven.desktop.dashboard.HavenMemory;
import org.openhaven.desktop.dashboard.HavenSwitcher;
import org.openhaven.desktop.dashboard.Poller;
import org.openhaven.desktop.dashboard.QrDialog;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.recovery.RecoveryDialog;
import org.openhaven.desktop.vault.NoPassphraseStore;
import org.openhaven.desktop.vault.PassphraseDialog;
import org.openhaven.desktop.vault.PassphraseStore;
import org.openhaven.desktop.vault.RememberedPassphrases;
import org.openhaven.desktop.vault.SavedPassphraseViewModel;
import org.openhaven.desktop.vault.VaultUnlockViewModel;
import org.openhaven.engine.error.OpenHavenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(DesktopShell.class);

    private final EngineGateway engine;
    private final ExecutorService background;
    private final WorkInFlight work;
    private final Async async;
    private final WizardViewModel wizard;
    private final Consumer<String> openUrl;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "openhaven-poller");
        thread.setDaemon(true);
        return thread;
    });

    private final HavenMemory havenMemory;
    private final RememberedPassphrases keptPassphrases;

    /** A shell that remembers the selected haven for this run only (tests, screenshots), and no passphrase. */
    public DesktopShell(EngineGateway engine, Consumer<String> openUrl) {
        this(engine, openUrl, HavenMemory.inMemory());
    }

    /** A shell that remembers no passphrase (tests). */
    public DesktopShell(EngineGateway engine, Consumer<String> openUrl, HavenMemory havenMemory) {
        this(engine, openUrl, havenMemory, new NoPassphraseStore());
    }

    /**
     * @param havenMemory where the dashboard's haven is remembered; the haven kept there is selected now, so the
     *                    start-up passphrase dialog unlocks that haven's vault
     * @param keychain    where each haven's vault passphrase may be remembered (the OS keychain, or nowhere)
     */
    public DesktopShell(EngineGateway engine, Consumer<String> openUrl, HavenMemory havenMemory,
                        PassphraseStore keychain) {
        this.havenMemory = havenMemory;
        this.keptPassphrases = new RememberedPassphrases(keychain);
        // a passphrase chosen on the first run, before the wizard named the haven, is remembered under that name
        engine.whenHavenNamed(keptPassphrases::havenNamed);
        havenMemory.recall().ifPresent(haven -> selectQuietly(engine, haven));
        this.engine = engine;
        this.openUrl = openUrl;
        this.background = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "openhaven-engine");
            thread.setDaemon(true);
            return thread;
        });
        this.work = new WorkInFlight(background);
        this.async = new Async(work, Platform::runLater);
        Scheduler fxLater = (Duration delay, Runnable task) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> task.run());
            pause.play();
        };
        this.wizard = new WizardViewModel(engine, async, new SecretClipboard(new FxClipboard(), fxLater));
    }

    /** A remembered haven that was removed since is simply not selected: the first one is shown instead. */
    private static void selectQuietly(EngineGateway engine, String haven) {
        try {
            engine.selectHaven(haven);
        } catch (OpenHavenException e) {
            LOG.info("The remembered haven is not selected: {}", e.userMessage());
        }
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

    /** The engine calls the windows run; whether any is under way decides what closing the window does. */
    public WorkInFlight work() {
        return work;
    }

    public Scene wizardScene(Runnable onFinished) {
        return scene(new WizardView(wizard, openUrl, onFinished).node());
    }

    /** A scene the size of the stage's current one, so swapping content does not resize the window. */
    public static Scene scene(Stage stage, Parent root) {
        return stage.getScene() == null ? scene(root)
                : sized(root, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    private static Scene sized(Parent root, double width, double height) {
        return styled(new Scene(root, width, height));
    }

    public static Scene scene(Parent root) {
        return styled(new Scene(root));
    }

    private static Scene styled(Scene scene) {
        for (String sheet : Css.STYLESHEETS) {
            scene.getStylesheets().add(DesktopShell.class.getResource(sheet).toExternalForm());
        }
        return scene;
    }

    public void showWizard(Stage stage, Runnable onFinished) {
        // a recovered haven is set up like a deployed one: the dashboard follows, as after the wizard
        wizard.welcome().onRecover(() -> RecoveryDialog.show(stage, engine, async, openUrl, onFinished));
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(wizardScene(onFinished));
        stage.setMinWidth(900);
        stage.setMinHeight(620);
    }

    /** Replaces the window's content with the dashboard, polling while the window is shown. */
    public void showDashboard(Stage stage) {
        DashboardViewModel dashboard = new DashboardViewModel(engine, async, Clock.systemDefaultZone(), havenMemory);
        dashboard.havens().lockedProperty().addListener((o, was, haven) -> {
            if (haven != null) {
                askPassphrase(stage, dashboard.havens(), haven);
            }
        });
        Poller poller = new Poller(timers, () -> Platform.runLater(dashboard::refresh), Poller.INTERVAL);
        stage.setScene(scene(stage, new DashboardView(dashboard, openUrl, peer -> QrDialog.show(stage, peer),
                () -> ChangesDialog.show(stage, engine, async, dashboard),
                new SavedPassphraseViewModel(keptPassphrases, async))
                .onRecover(() -> RecoveryDialog.show(stage, engine, async, openUrl, dashboard::refresh)).node()));
        stage.showingProperty().addListener((o, was, now) -> poller.setShown(now));
        stage.iconifiedProperty().addListener((o, was, now) -> poller.setShown(!now && stage.isShowing()));
        poller.setShown(stage.isShowing());
    }

    /**
     * Opens the selected haven's vault at start-up: with the passphrase the keychain keeps for it, else asked in a
     * dialog over {@code stage}.
     */
    public void unlockAtStart(Stage stage) {
        PassphraseDialog.unlock(stage, new VaultUnlockViewModel(engine, keptPassphrases, async));
    }

    /** Opens the vault of a haven switched to whose vault takes another passphrase: kept, else asked. */
    private void askPassphrase(Stage stage, HavenSwitcher switcher, HavenRef haven) {
        VaultUnlockViewModel unlock = VaultUnlockViewModel.forSwitch(engine, keptPassphrases, async, haven);
        unlock.unlockedProperty().addListener((o, was, now) -> {
            if (now) {
                switcher.unlocked();
            }
        });
        PassphraseDialog.unlock(stage, unlock);
    }

    public DashboardViewModel dashboardForScreenshot() {
        return new DashboardViewModel(engine, async, Clock.systemDefaultZone());
    }

    public void shutdown() {
        timers.shutdownNow();
        background.shutdownNow();
        keptPassphrases.close();
    }
}
