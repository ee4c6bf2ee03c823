package org.openhaven.desktop;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.openhaven.desktop.app.ConfigDir;
import org.openhaven.desktop.app.DesktopShell;
import org.openhaven.desktop.app.IdleFootprint;
import org.openhaven.desktop.app.RememberedHaven;
import org.openhaven.desktop.app.SingleInstance;
import org.openhaven.desktop.engine.EngineBackedGateway;
import org.openhaven.desktop.icons.AppIcons;
import org.openhaven.desktop.theme.WindowPlacement;
import org.openhaven.desktop.tray.AwtTray;
import org.openhaven.desktop.tray.TrayActions;
import org.openhaven.desktop.tray.StageTrayActions;
import org.openhaven.desktop.tray.TrayController;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.vault.KeyringPassphraseStore;
import org.openhaven.desktop.vpn.ProcessCommandRunner;
import org.openhaven.desktop.vpn.VpnController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the wizard on first run, the dashboard afterwards, and the tray throughout. Closing
 * the window keeps the app in the tray; a second launch brings this one to the front.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopShell shell;
    private SingleInstance instance;
    private ScheduledExecutorService timers;
    private AwtTray tray;

    static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Optional<SingleInstance> acquired = SingleInstance.acquire(ConfigDir.current(),
                () -> Platform.runLater(() -> bringToFront(stage)));
        if (acquired.isEmpty()) {
            LOG.info("OpenHaven already runs; asked it to come to the front");
            Platform.exit();
            return;
        }
        instance = acquired.get();
        DesktopShell.applyOsTheme();
        shell = new DesktopShell(EngineBackedGateway.builtIn(), getHostServices()::showDocument,
                new RememberedHaven(ConfigDir.current()), KeyringPassphraseStore.best());
        stage.getIcons().setAll(AppIcons.windowIcons().stream().map(url -> new Image(url.toExternalForm())).toList());
        shell.showWizard(stage, () -> shell.showDashboard(stage));
        WindowPlacement.forWindow("main").manage(stage, 1040, 720);
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openhaven-timers");
            thread.setDaemon(true);
            return thread;
        });
        IdleFootprint.collectWhenHidden(stage, timers);
        installTray(stage);
        stage.show();
        shell.unlockAtStart(stage);
    }

    private void installTray(Stage stage) {
        tray = AwtTray.install(() -> bringToFront(stage)).orElse(null);
        if (tray == null) {
            tellOnceThereIsNoTray(stage);
            return;
        }
        Platform.setImplicitExit(false);
        stage.setOnCloseRequest(e -> {
            e.consume();
            stage.hide();
        });
        VpnController vpn = new VpnController(new ProcessCommandRunner(), System.getProperty("os.name", ""),
                ConfigDir.current().resolve("wireguard"));
        TrayController[] holder = new TrayController[1];
        TrayActions actions = new StageTrayActions(stage, getHostServices()::showDocument,
                on -> holder[0].setVpn(on), Platform::exit);
        holder[0] = new TrayController(tray, shell.engine(), vpn, shell.async(), Clock.systemDefaultZone(), actions);
        holder[0].start(timers);
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

    private static void bringToFront(Stage stage) {
        StageTrayActions.bringToFront(stage);
    }

    @Override
    public void stop() throws IOException {
        if (tray != null) {
            tray.remove();
        }
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
