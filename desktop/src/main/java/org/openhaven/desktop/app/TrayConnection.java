package org.openhaven.desktop.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.openhaven.desktop.companion.CompanionCommand;
import org.openhaven.desktop.companion.CompanionLink;
import org.openhaven.desktop.companion.CompanionMessage;
import org.openhaven.desktop.companion.VaultHandOver;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window process's side of the pipe to the tray process: the tray is either this window's child (a window the
 * user started) or its parent (a window the tray started). Hands every vault this window opens to the tray, opens
 * the vaults the tray hands over, and reports the tray's messages on the UI thread. Holds no JavaFX itself.
 */
public final class TrayConnection {

    private static final Logger LOG = LoggerFactory.getLogger(TrayConnection.class);

    /** What the window does with the tray's news; every call arrives on the UI thread. */
    public interface Listener {
        /** The tray icon is up; when the tray started this window, the vaults it handed over are open by now. */
        void trayReady();

        /** The desktop has no tray (or the tray could not start): the window is the app, as before the split. */
        void noTray();

        void focus();

        void quit();

        /** The tray process is gone. */
        void trayGone();
    }

    private final EngineGateway engine;
    private final Executor ui;
    private final Listener listener;
    /** The passphrase per haven the tray knows already (handed over either way), so none is sent twice. */
    private final Map<String, Secret> known = new HashMap<>();
    /** What the window said before the pipe existed (the tray starts after the first frame); memory only. */
    private final List<CompanionMessage> pending = new ArrayList<>();
    private CompanionLink link;
    private volatile OptionalLong trayPid = OptionalLong.empty();
    private volatile boolean trayRuns;
    private volatile boolean vaultHandedOver;

    private TrayConnection(EngineGateway engine, Executor ui, Listener listener) {
        this.engine = engine;
        this.ui = ui;
        this.listener = listener;
    }

    /** A connection to a tray this window starts later ({@link #startTray}); messages wait for it in memory. */
    public static TrayConnection toChildTray(EngineGateway engine, Executor ui, Listener listener) {
        return new TrayConnection(engine, ui, listener);
    }

    /**
     * Starts the tray process as this window's child. Its stderr goes to {@code tray.log} in the config dir, never
     * to this process's streams, so it neither blocks on them nor dies with them; nothing destroys it when this
     * process exits.
     */
    public void startTray(Path configDir, CompanionCommand command) {
        Optional<List<String>> argv = command.argv(CompanionCommand.TRAY_ROLE);
        if (argv.isEmpty()) {
            LOG.warn("Cannot tell how this process was started, so the tray cannot start; the window stays the app");
            ui.execute(listener::noTray);
            return;
        }
        try {
            Process tray = new ProcessBuilder(argv.get())
                    .redirectError(Redirect.to(configDir.resolve("tray.log").toFile())).start();
            trayPid = OptionalLong.of(tray.pid());
            connect(tray.getInputStream(), tray.getOutputStream());
            LOG.info("Started the tray in process {}", tray.pid());
        } catch (IOException e) {
            LOG.warn("The tray process did not start ({}); the window stays the app", e.getMessage());
            ui.execute(listener::noTray);
        }
    }

    /** Connects to the tray that started this window, over this process's stdin and (the real) stdout. */
    public static TrayConnection fromParentTray(EngineGateway engine, Executor ui, Listener listener, InputStream in,
                                                OutputStream out) {
        TrayConnection connection = new TrayConnection(engine, ui, listener);
        connection.connect(in, out);
        return connection;
    }

    private void connect(InputStream in, OutputStream out) {
        CompanionLink opened = CompanionLink.open("tray", in, out, this::onMessage, () -> {
            trayRuns = false;
            ui.execute(listener::trayGone);
        });
        synchronized (pending) {
            link = opened;
            pending.forEach(link::send);
            pending.clear();
        }
    }

    /** On the reading thread: unlocks are applied here, in order, before the tray-ready that follows them. */
    private void onMessage(CompanionMessage message) {
        if (message instanceof CompanionMessage.Unlock unlock) {
            synchronized (known) {
                known.put(unlock.havenId(), unlock.passphrase());
            }
            if (VaultHandOver.open(engine, unlock)) {
                vaultHandedOver = true;
            }
        } else if (message instanceof CompanionMessage.TrayReady) {
            trayRuns = true;
            ui.execute(listener::trayReady);
        } else if (message instanceof CompanionMessage.NoTray) {
            trayRuns = false;
            ui.execute(listener::noTray);
        } else if (message instanceof CompanionMessage.Focus) {
            ui.execute(listener::focus);
        } else if (message instanceof CompanionMessage.Quit) {
            ui.execute(listener::quit);
        } else {
            LOG.debug("The tray sent {}, which a window does not act on", message.getClass().getSimpleName());
        }
    }

    /** A vault opened in this window: the tray gets its passphrase, unless it has it already. */
    public void vaultOpened(String havenId, Secret passphrase) {
        synchronized (known) {
            if (passphrase.equals(known.get(havenId))) {
                return;
            }
            known.put(havenId, passphrase);
        }
        send(new CompanionMessage.Unlock(havenId, passphrase));
    }

    public void send(CompanionMessage message) {
        synchronized (pending) {
            if (link == null) {
                pending.add(message);
                return;
            }
        }
        link.send(message);
    }

    /** Whether a tray process is connected and has its icon up. */
    public boolean trayRuns() {
        return trayRuns;
    }

    /** Whether a vault the tray handed over opened here, so this window need not ask for a passphrase. */
    public boolean vaultHandedOver() {
        return vaultHandedOver;
    }

    /** The tray process's id when this window started it (for the benchmark). */
    public OptionalLong trayPid() {
        return trayPid;
    }
}
