package org.openhaven.desktop.companion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.tray.NotificationPolicy;
import org.openhaven.desktop.tray.TrayActions;
import org.openhaven.desktop.tray.TrayController;
import org.openhaven.desktop.tray.TrayView;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.plan.ProgressEvent;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray process's dealings with windows: it keeps the vaults a window opened (handed over the pipe) open in its
 * own engine gateway, brings a connected window to the front or starts a new one that opens already unlocked, shows
 * a deploy's end, and quits both. Every method runs on the tray's own thread (the {@link Async}'s UI executor);
 * vaults open in the background.
 */
public final class TrayCompanion implements TrayActions {

    private static final Logger LOG = LoggerFactory.getLogger(TrayCompanion.class);

    /** Starts a window process as the tray's child, wired to the given handlers; empty when that failed. */
    public interface WindowStarter {
        Optional<CompanionLink> start(Consumer<CompanionMessage> onMessage, Runnable onClosed);
    }

    private final TrayView tray;
    private final EngineGateway engine;
    private final Async async;
    private final WindowStarter windows;
    private final Consumer<String> openUrl;
    private final Runnable exit;
    /** The passphrases handed over, per haven, in the order they came: a new window gets them all. In memory only. */
    private final Map<String, Secret> unlocks = new LinkedHashMap<>();
    private TrayController controller;
    private CompanionLink window;

    public TrayCompanion(TrayView tray, EngineGateway engine, Async async, WindowStarter windows,
                         Consumer<String> openUrl, Runnable exit) {
        this.tray = tray;
        this.engine = engine;
        this.async = async;
        this.windows = windows;
        this.openUrl = openUrl;
        this.exit = exit;
    }

    /** The controller whose refresh shows what an unlock changed, and which switches the VPN. */
    public void attach(TrayController trayController) {
        this.controller = trayController;
    }

    /** The window process that started this tray: its messages arrive on the tray thread through this handler. */
    public void connectParent(CompanionLink parent) {
        window = parent;
    }

    /** Handles one message from a window. */
    public void onMessage(CompanionMessage message) {
        if (message instanceof CompanionMessage.Unlock unlock) {
            unlocks.put(unlock.havenId(), unlock.passphrase());
            async.run(() -> VaultHandOver.open(engine, unlock), opened -> refresh(), failure -> { });
        } else if (message instanceof CompanionMessage.DeployFinished finished) {
            tray.notify(NotificationPolicy.onRunFinished(new ProgressEvent.RunFinished(java.time.Instant.now(),
                    finished.outcome(), 0, finished.stepsChanged())));
        } else {
            LOG.debug("A window sent {}, which the tray does not act on", message.getClass().getSimpleName());
        }
    }

    /** The window behind {@code link} exited. */
    public void windowClosed(CompanionLink link) {
        if (window == link) {
            window = null;
        }
    }

    /** Whether a window process is connected now. */
    public boolean hasWindow() {
        return window != null;
    }

    private void refresh() {
        if (controller != null) {
            controller.refresh();
        }
    }

    /** Brings the connected window to the front, or starts one that opens with the vaults already unlocked. */
    @Override
    public void openDashboard() {
        if (window != null && window.send(new CompanionMessage.Focus())) {
            return;
        }
        CompanionLink[] started = new CompanionLink[1];
        Optional<CompanionLink> link = windows.start(message -> async.ui().execute(() -> onMessage(message)),
                () -> async.ui().execute(() -> windowClosed(started[0])));
        if (link.isEmpty()) {
            return;
        }
        started[0] = link.get();
        unlocks.forEach((haven, passphrase) -> started[0].send(new CompanionMessage.Unlock(haven, passphrase)));
        started[0].send(new CompanionMessage.TrayReady());
        window = started[0];
    }

    @Override
    public void openUrl(String url) {
        openUrl.accept(url);
    }

    @Override
    public void setVpn(boolean on) {
        if (controller != null) {
            controller.setVpn(on);
        }
    }

    /** Quits the tray and the connected window; the window exits without asking. */
    @Override
    public void quit() {
        LOG.info("Quit chosen in the tray{}", window != null ? "; the window quits too" : "");
        if (window != null) {
            window.send(new CompanionMessage.Quit());
        }
        exit.run();
    }
}
