package org.openhaven.desktop.tray;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.HavenRef;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.VpnPeer;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.desktop.vpn.VpnController;
import org.openhaven.desktop.vpn.VpnState;
import org.openhaven.engine.error.OpenHavenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tray current: every {@link #INTERVAL} it reads the haven's status and the real VPN state, rebuilds
 * the menu, and shows the notifications the policy asks for. Slow on purpose: it runs while the window is hidden.
 */
public final class TrayController {

    public static final Duration INTERVAL = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(TrayController.class);

    private final TrayView tray;
    private final EngineGateway engine;
    private final VpnController vpn;
    private final Async async;
    private final Clock clock;
    private final TrayActions actions;
    private final NotificationPolicy policy = new NotificationPolicy();
    private volatile Supplier<Optional<String>> followed = Optional::empty;

    public TrayController(TrayView tray, EngineGateway engine, VpnController vpn, Async async, Clock clock,
                          TrayActions actions) {
        this.tray = tray;
        this.engine = engine;
        this.vpn = vpn;
        this.async = async;
        this.clock = clock;
        this.actions = actions;
    }

    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::refresh, 0, INTERVAL.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Speaks of the haven {@code selected} names, read again on each refresh: the tray process follows the haven the
     * window selected last (the window remembers it in a file), since the two do not share memory.
     */
    public void follow(Supplier<Optional<String>> selected) {
        followed = selected;
    }

    /** Reads status and VPN state in the background and redraws the tray. */
    public void refresh() {
        async.run(() -> {
            followed.get().ifPresent(this::selectQuietly);
            return new Snapshot(statusOrNull(), havenLabel(), vpn.state());
        }, snapshot -> {
            tray.show(TrayMenuModel.build(snapshot.status(), snapshot.haven(), snapshot.vpn(), clock.instant(),
                    actions));
            if (snapshot.status() != null) {
                policy.onStatus(snapshot.status(), clock.instant()).forEach(tray::notify);
            }
            LOG.info("The tray shows {}: {}", snapshot.haven().isEmpty() ? "no haven" : snapshot.haven(),
                    TrayStatus.of(snapshot.status()));
        }, failure -> LOG.info("Tray refresh failed: {}", failure.userMessage()));
    }

    private void selectQuietly(String havenId) {
        try {
            engine.selectHaven(havenId);
        } catch (OpenHavenException e) {
            LOG.info("The tray keeps its haven: {}", e.userMessage());
        }
    }

    private HavenStatus statusOrNull() {
        try {
            return engine.status();
        } catch (OpenHavenException e) {
            LOG.info("No status for the tray: {}", e.userMessage());
            return null;
        }
    }

    /** The haven the dashboard shows, by domain; the tray speaks of the same one. */
    private String havenLabel() {
        try {
            return engine.selectedHaven().map(HavenRef::label).orElse("");
        } catch (OpenHavenException e) {
            return "";
        }
    }

    /** Switches this computer's VPN, importing its peer on first use; then shows the state the OS reports. */
    public void setVpn(boolean on) {
        async.run(() -> {
            if (on) {
                List<VpnPeer> peers = engine.vpnPeers();
                VpnPeer mine = peers.stream().filter(p -> p.name().equals("this-computer")).findFirst()
                        .orElseThrow(() -> OpenHavenException.config(Messages.get("tray.vpn.noDevice"),
                                Messages.get("tray.vpn.noDeviceRemedy")));
                vpn.connect(mine.clientConfig());
            } else {
                vpn.disconnect();
            }
            return on;
        }, done -> refresh(), failure -> tray.notify(new Notification("vpn", Notification.Level.ERROR,
                failure.userMessage(), failure.remedy())));
    }

    private record Snapshot(HavenStatus status, String haven, VpnState vpn) {
    }
}
