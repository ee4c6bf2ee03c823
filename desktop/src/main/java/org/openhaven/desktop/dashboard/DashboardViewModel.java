package org.openhaven.desktop.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.desktop.engine.VpnPeer;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Formats;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.backup.BackupHealth;
import org.openhaven.engine.error.OpenHavenException;

/** The dashboard: live service health, certificate expiry, last backup, VPN peers, and the activity log. */
public final class DashboardViewModel {

    private static final Pattern PEER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    private final EngineGateway engine;
    private final Async async;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<HavenStatus> status = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ServiceHealth> services = FXCollections.observableArrayList();
    private final ObservableList<VpnPeer> peers = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastBackup = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty newPeerName = new SimpleStringProperty("");

    private final HavenSwitcher havens;
    /** Counts haven switches, so a poll answered for the haven shown before is dropped. */
    private int shown;

    public DashboardViewModel(EngineGateway engine, Async async, Clock clock) {
        this(engine, async, clock, HavenMemory.inMemory());
    }

    /** @param memory where the selected haven is remembered for the next launch */
    public DashboardViewModel(EngineGateway engine, Async async, Clock clock, HavenMemory memory) {
        this.engine = engine;
        this.async = async;
        this.clock = clock;
        this.havens = new HavenSwitcher(engine, async, memory);
        havens.onSwitched(this::switched, this::failed);
    }

    /**
     * Fetches the havens, then status and peers of the shown one, in the background; called by the poller and the
     * Refresh button. Nothing is asked of a haven whose vault still waits for its passphrase.
     */
    public void refresh() {
        havens.load();
        if (havens.lockedProperty().get() != null) {
            error.set(Messages.get("dashboard.locked", havens.lockedProperty().get().label()));
            return;
        }
        int asked = shown;
        async.run(engine::status, now -> {
            if (asked == shown) {
                statusArrived(now);
            }
        }, this::failed);
        async.run(engine::vpnPeers, found -> {
            if (asked == shown) {
                peers.setAll(found);
            }
        }, this::failed);
    }

    /** Another haven is shown: nothing of the previous one stays on screen. */
    private void switched() {
        shown++;
        status.set(null);
        services.clear();
        peers.clear();
        lastBackup.set("");
        error.set("");
        refresh();
    }

    /** The haven switcher shown in the header when this computer has more than one haven. */
    public HavenSwitcher havens() {
        return havens;
    }

    private void statusArrived(HavenStatus now) {
        status.set(now);
        services.setAll(now.services());
        lastBackup.set(backupText(now));
        error.set(now.serverProblem().isEmpty() ? "" : Messages.get("dashboard.server.problem", now.serverProblem()));
    }

    /** The "Last backup" card: when the last success finished, and whether it is overdue or the last run failed. */
    String backupText(HavenStatus now) {
        if (now.backupHealth() == null && !now.serverProblem().isEmpty()) {
            return Messages.get("dashboard.backup.unknown");
        }
        String age = now.lastBackup() == null ? null : Formats.age(now.lastBackup(), clock.instant());
        if (now.backupHealth() == BackupHealth.FAILED) {
            return age == null ? Messages.get("dashboard.backup.failedNever", now.backupError())
                    : Messages.get("dashboard.backup.failed", now.backupError(), age);
        }
        if (age == null) {
            return Messages.get("dashboard.backup.never");
        }
        return Messages.get(now.backupHealth() == BackupHealth.OVERDUE ? "dashboard.backup.overdue"
                : "dashboard.backup.at", age);
    }

    private void failed(OpenHavenException e) {
        error.set(e.remedy().isEmpty() ? e.userMessage() : e.userMessage() + " " + e.remedy());
        log(e.userMessage());
    }

    /** Certificate expiry as shown in the services table: "in 80 days", or a warning when under 14. */
    public String certificateText(ServiceHealth service) {
        if (service.certificateExpiry() == null) {
            return Messages.get("dashboard.cert.unknown");
        }
        long days = java.time.Duration.between(clock.instant(), service.certificateExpiry()).toDays();
        return Messages.get(days < 14 ? "dashboard.cert.soon" : "dashboard.cert.in", days);
    }

    /** Why the typed peer name cannot be used, or empty. */
    public String peerNameProblem(String name) {
        if (!PEER_NAME.matcher(name).matches()) {
            return Messages.get("dashboard.peer.badName");
        }
        return peers.stream().anyMatch(p -> p.name().equals(name)) ? Messages.get("dashboard.peer.exists", name) : "";
    }

    public void addPeer() {
        String name = newPeerName.get().trim();
        String problem = peerNameProblem(name);
        if (!problem.isEmpty()) {
            error.set(problem);
            return;
        }
        async.run(() -> engine.addVpnPeer(name), peer -> {
            peers.add(peer);
            newPeerName.set("");
            log(Messages.get("dashboard.peer.added", name));
        }, this::failed);
    }

    public void removePeer(VpnPeer peer) {
        async.run(() -> {
            engine.removeVpnPeer(peer.name());
            return peer;
        }, removed -> {
            peers.remove(removed);
            log(Messages.get("dashboard.peer.removed", removed.name()));
        }, this::failed);
    }

    public void log(String line) {
        log.add(Messages.get("dashboard.logLine", Instant.now(clock).toString().substring(11, 19), line));
    }

    public ReadOnlyObjectProperty<HavenStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<ServiceHealth> services() {
        return services;
    }

    public ObservableList<VpnPeer> peers() {
        return peers;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyStringProperty lastBackupProperty() {
        return lastBackup.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty newPeerNameProperty() {
        return newPeerName;
    }

    List<VpnPeer> peerSnapshot() {
        return List.copyOf(peers);
    }
}
