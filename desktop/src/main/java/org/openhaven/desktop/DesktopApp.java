package org.openhaven.desktop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.openhaven.desktop.app.ConfigDir;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.app.IdleFootprint;
import org.openhaven.desktop.app.RememberedHaven;
import org.openhaven.desktop.app.SingleInstance;
import org.openhaven.desktop.app.TrayConnection;
import org.openhaven.desktop.companion.ClosePolicy;
import org.openhaven.desktop.companion.CompanionCommand;
import org.openhaven.desktop.companion.CompanionMessage;
import org.openhaven.desktop.engine.EngineBackedGateway;
import org.openhaven.desktop.icons.AppIcons;
import org.openhaven.desktop.theme.WindowPlacement;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.vault.KeyringPassphraseStore;
import org.openhaven.desktop.wizard.DeployRow;
import org.openhaven.desktop.wizard.DeployViewModel;
import org.openhaven.desktop.wizard.WizardStep;
import org.openhaven.engine.plan.ProgressEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window process: the wizard on first run, the dashboard afterwards. The tray lives in a small process of its
 * own (docs/decisions/0012-tray-in-its-own-process.md), which this process starts, or which started this one.
 * Closing the window ends this process when nothing in it would be lost, leaving the tray; otherwise the window
 * hides until it is. A second launch brings this window to the front, or asks a running tray to open one.
 */
public final class DesktopApp extends Application implements TrayConnection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    /** The pipe to a tray that started this window: this process's real stdout, set by the {@link Launcher}. */
    private static volatile PrintStream trayPipe;
    private static volatile TrayConnection trayConnection;

    private DesktopShell shell;
    private SingleInstance instance;
    private ScheduledExecutorService timers;
    private Stage stage;
    private TrayConnection tray;
    private boolean dashboardShown;
    private boolean wizardTouched;
    private boolean startedByTray;
    private boolean exiting;
    private boolean trayWasReady;
    private boolean trayStarted;

    static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    /** A window the tray starts: its stdout (passed here) is the pipe to the tray, its stdin the other way. */
    static void launchForTray(PrintStream pipe) {
        trayPipe = pipe;
        Application.launch(DesktopApp.class, CompanionCommand.WINDOW_FOR_TRAY);
    }

    /** Whether the tray process is up and connected, for the benchmark. */
    static boolean trayRuns() {
        TrayConnection connection = trayConnection;
        return connection != null && connection.trayRuns();
    }

    /** The tray process this window started, for the benchmark. */
    static OptionalLong trayPid() {
        TrayConnection connection = trayConnection;
        return connection == null ? OptionalLong.empty() : connection.trayPid();
    }

    @Override
    public void start(Stage primary) throws IOException {
        this.stage = primary;
        Path config = ConfigDir.current();
        startedByTray = getParameters().getRaw().contains(CompanionCommand.WINDOW_FOR_TRAY);
        Optional<SingleInstance> acquired = SingleInstance.acquire(config,
                () -> Platform.runLater(() -> bringToFront(stage)));
        if (acquired.isEmpty()) {
            LOG.info("OpenHaven already runs; asked it to come to the front");
            Platform.exit();
            return;
        }
        instance = acquired.get();
        DesktopShell.applyOsTheme();
        EngineBackedGateway engine = EngineBackedGateway.builtIn();
        shell = new DesktopShell(engine, getHostServices()::showDocument, new RememberedHaven(config),
                KeyringPassphraseStore.best());
        stage.getIcons().setAll(AppIcons.windowIcons().stream().map(url -> new Image(url.toExternalForm())).toList());
        shell.showWizard(stage, () -> {
            dashboardShown = true;
            shell.showDashboard(stage);
        });
        WindowPlacement.forWindow("main").manage(stage, 1040, 720);
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openhaven-timers");
            thread.setDaemon(true);
            return thread;
        });
        IdleFootprint.collectWhenHidden(stage, timers);
        watchForRest();
        // what closing does is decided here (ClosePolicy), not by JavaFX hiding its last window
        Platform.setImplicitExit(false);
        stage.setOnCloseRequest(e -> {
            e.consume();
            onCloseRequest();
        });
        tray = startedByTray
                ? TrayConnection.fromParentTray(engine, Platform::runLater, this, System.in, trayPipe)
                : TrayConnection.toChildTray(engine, Platform::runLater, this);
        trayConnection = tray;
        engine.onVaultOpened(tray::vaultOpened);
        stage.show();
        if (!startedByTray) {
            startTrayAfterFirstFrame(config);
            askForPassphrase();
        }
    }

    /** On two cores, the tray's JVM starting alongside would delay the window the user waits for. */
    private void startTrayAfterFirstFrame(Path config) {
        javafx.scene.Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        // removed outside the pulse, which is iterating its listeners
        once[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (!trayStarted) {
                trayStarted = true;
                tray.startTray(config, CompanionCommand.ofThisProcess());
            }
        });
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The keychain's passphrase for the selected haven, else the passphrase dialog. */
    private void askForPassphrase() {
        LOG.info("Unlocking the vault at start: the keychain's passphrase, else the dialog");
        shell.unlockAtStart(stage);
    }

    /** Re-checks, while the window is hidden, whenever something that kept it from ending may have finished. */
    private void watchForRest() {
        shell.work().onIdle(() -> Platform.runLater(this::exitIfHiddenAtRest));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> exitIfHiddenAtRest());
        shell.wizard().stepProperty().addListener((o, was, now) -> wizardTouched |= now != WizardStep.WELCOME);
        shell.wizard().deploy().phaseProperty().addListener((o, was, now) -> deployPhaseChanged(now));
    }

    private void deployPhaseChanged(DeployViewModel.Phase phase) {
        if (phase == DeployViewModel.Phase.IDLE || phase == DeployViewModel.Phase.RUNNING || stage.isShowing()) {
            return;
        }
        ProgressEvent.Outcome outcome = switch (phase) {
            case SUCCEEDED -> ProgressEvent.Outcome.SUCCEEDED;
            case CANCELLED -> ProgressEvent.Outcome.CANCELLED;
            default -> ProgressEvent.Outcome.FAILED;
        };
        int changed = (int) shell.wizard().deploy().rows().stream().filter(row -> row.stateProperty().get() == DeployRow.State.DONE).count();
        tray.send(new CompanionMessage.DeployFinished(outcome, changed));
        exitIfHiddenAtRest();
    }

    private ClosePolicy.WindowState windowState() {
        boolean dialogOpen = Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing());
        return new ClosePolicy.WindowState(tray != null && tray.trayRuns(), dashboardShown,
                !dashboardShown && !wizardTouched && shell.wizard().stepProperty().get() == WizardStep.WELCOME,
                shell.work().isBusy(), dialogOpen);
    }

    private void onCloseRequest() {
        if (ClosePolicy.onClose(windowState()) == ClosePolicy.Decision.EXIT) {
            LOG.info("The window closed at rest; this process ends{}", tray.trayRuns() ? " and the tray stays" : "");
            exit();
        } else {
            LOG.info("The window hides to the tray until nothing in it would be lost");
            stage.hide();
        }
    }

    private void exitIfHiddenAtRest() {
        if (!exiting && stage != null && shell != null && !stage.isShowing()
                && ClosePolicy.exitWhileHidden(windowState())) {
            LOG.info("The hidden window came to rest; this process ends and the tray stays");
            exit();
        }
    }

    /** Ends the window process: the Launcher ends the JVM once JavaFX has stopped. */
    private void exit() {
        exiting = true;
        Platform.exit();
    }

    @Override
    public void trayReady() {
        trayWasReady = true;
        if (startedByTray && !tray.vaultHandedOver()) {
            askForPassphrase();
        }
    }

    @Override
    public void noTray() {
        tellOnceThereIsNoTray(stage);
        if (startedByTray) {
            askForPassphrase();
        }
    }

    @Override
    public void focus() {
        bringToFront(stage);
    }

    @Override
    public void quit() {
        LOG.info("Quit chosen in the tray");
        exit();
    }

    /**
     * Never leave a hidden window behind with no tray to bring it back; and a window the tray started, whose tray
     * died before handing its vaults over, asks for the passphrase itself.
     */
    @Override
    public void trayGone() {
        if (!stage.isShowing()) {
            bringToFront(stage);
        }
        if (startedByTray && !trayWasReady) {
            askForPassphrase();
        }
    }

    private static void tellOnceThereIsNoTray(Stage stage) {
        Preferences prefs = Preferences.userNodeForPackage(DesktopApp.class);
        if (prefs.getBoolean("toldNoTray", false)) {
            return;
        }
        prefs.putBoolean("toldNoTray", true);
        Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, Messages.get("tray.unsupported"));
            alert.initOwner(stage);
            alert.setHeaderText(null);
            alert.show();
        });
    }

    /** Shows, de-iconifies and raises the window; what the tray and a second launch ask for. */
    private static void bringToFront(Stage stage) {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    @Override
    public void stop() throws IOException {
        if (timers != null) {
            timers.shutdownNow();
        }
        if (shell != null) {
            shell.shutdown();
        }
        if (instance != null) {
            instance.close();
        }
    }
}
