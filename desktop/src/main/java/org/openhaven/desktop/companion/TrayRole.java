package org.openhaven.desktop.companion;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.openhaven.desktop.app.ConfigDir;
import org.openhaven.desktop.app.RememberedHaven;
import org.openhaven.desktop.app.SingleInstance;
import org.openhaven.desktop.engine.EngineBackedGateway;
import org.openhaven.desktop.tray.AwtTray;
import org.openhaven.desktop.tray.TrayController;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.vpn.ProcessCommandRunner;
import org.openhaven.desktop.vpn.VpnController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray process ({@code Launcher --tray-companion}): the AWT system tray, its 2-minute refresh through the engine,
 * the VPN toggle and notifications, with no JavaFX loaded, so it stays small while the window is closed
 * (docs/decisions/0012-tray-in-its-own-process.md). Its stdin and stdout are the pipe to the window process that
 * started it; everything it logs goes to stderr, which that window points at {@code tray.log} in the config dir.
 */
public final class TrayRole {

    private static final Logger LOG = LoggerFactory.getLogger(TrayRole.class);

    private final Path configDir;
    private final ExecutorService trayThread;
    private final Async async;
    private final ScheduledExecutorService timers;
    private TrayCompanion companion;
    private SingleInstance instance;

    private TrayRole(Path configDir) {
        this.configDir = configDir;
        // not a daemon: this thread keeps the tray process alive until the user quits
        this.trayThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "openhaven-tray"));
        ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "openhaven-engine"));
        this.async = new Async(background, trayThread);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "openhaven-timers"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Runs the tray role; returns at once, the tray thread keeps the process alive until Quit. */
    public static void run() {
        // stdout is the pipe to the window: nothing but protocol lines may reach it
        PrintStream pipe = System.out;
        System.setOut(System.err);
        TrayRole role = new TrayRole(ConfigDir.current());
        CompanionLink[] parent = new CompanionLink[1];
        parent[0] = CompanionLink.open("window", System.in, pipe,
                message -> role.trayThread.execute(() -> role.companion.onMessage(message)),
                () -> role.trayThread.execute(() -> role.companion.windowClosed(parent[0])));
        // set up on the tray thread first, so messages the window sent meanwhile are handled after it
        role.trayThread.execute(() -> role.start(parent[0]));
    }

    private void start(CompanionLink parent) {
        try {
            Optional<SingleInstance> acquired = SingleInstance.tryAcquire(configDir, SingleInstance.TRAY,
                    request -> trayThread.execute(() -> companion.openDashboard()));
            if (acquired.isEmpty()) {
                LOG.info("Another OpenHaven tray runs already");
                noTray(parent);
                return;
            }
            instance = acquired.get();
        } catch (IOException e) {
            LOG.warn("The tray could not take its lock in {}: {}", configDir, e.getMessage());
            noTray(parent);
            return;
        }
        Optional<AwtTray> tray = AwtTray.install(() -> companion.openDashboard(), trayThread);
        if (tray.isEmpty()) {
            LOG.info("This desktop has no system tray");
            noTray(parent);
            return;
        }
        EngineBackedGateway engine = EngineBackedGateway.builtIn();
        companion = new TrayCompanion(tray.get(), engine, async, this::startWindow, AwtTray::browse, this::exit);
        companion.connectParent(parent);
        VpnController vpn = new VpnController(new ProcessCommandRunner(), System.getProperty("os.name", ""),
                configDir.resolve("wireguard"));
        TrayController controller = new TrayController(tray.get(), engine, vpn, async, Clock.systemDefaultZone(),
                companion);
        controller.follow(new RememberedHaven(configDir)::recall);
        companion.attach(controller);
        controller.start(timers);
        parent.send(new CompanionMessage.TrayReady());
        LOG.info("The tray runs in process {}", ProcessHandle.current().pid());
    }

    /** Tells the window there is no tray and ends this process: the window stays the app, as before the split. */
    private void noTray(CompanionLink parent) {
        parent.send(new CompanionMessage.NoTray());
        System.exit(0);
    }

    /** Starts a window process as this tray's child; its stdin and stdout are the pipe, its log goes to a file. */
    private Optional<CompanionLink> startWindow(Consumer<CompanionMessage> onMessage, Runnable onClosed) {
        Optional<List<String>> argv = CompanionCommand.ofThisProcess().argv(CompanionCommand.WINDOW_FOR_TRAY);
        if (argv.isEmpty()) {
            LOG.warn("Cannot tell how this process was started, so the tray cannot open a window");
            return Optional.empty();
        }
        try {
            Process window = new ProcessBuilder(argv.get())
                    .redirectError(Redirect.to(configDir.resolve("window.log").toFile())).start();
            LOG.info("Started a window in process {}", window.pid());
            InputStream fromWindow = window.getInputStream();
            return Optional.of(CompanionLink.open("window", fromWindow, window.getOutputStream(), onMessage,
                    onClosed));
        } catch (IOException e) {
            LOG.warn("The tray could not start a window: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void exit() {
        timers.shutdownNow();
        try {
            if (instance != null) {
                instance.close();
            }
        } catch (IOException e) {
            LOG.debug("Releasing the tray lock: {}", e.getMessage());
        }
        System.exit(0);
    }
}
