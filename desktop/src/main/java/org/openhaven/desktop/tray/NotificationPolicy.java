package org.openhaven.desktop.tray;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.backup.BackupHealth;
import org.openhaven.engine.plan.ProgressEvent;

/**
 * Decides which notifications a new status deserves: a service that went down, a certificate expiring within
 * 14 days, a backup older than 26 hours (a nightly backup plus slack), a deploy finished or failed. Pure and
 * stateful only in what it has already said, so each piece of news is told once and told again only after
 * it was resolved and came back.
 */
public final class NotificationPolicy {

    public static final Duration CERTIFICATE_WARNING = Duration.ofDays(14);
    public static final Duration BACKUP_MAX_AGE = Duration.ofHours(26);

    private final Set<String> active = new HashSet<>();

    public List<Notification> onStatus(HavenStatus status, Instant now) {
        Set<String> current = new HashSet<>();
        List<Notification> out = new ArrayList<>();
        for (ServiceHealth service : status.services()) {
            if (service.state() == ServiceHealth.State.DOWN) {
                add(out, current, new Notification("down:" + service.id(), Notification.Level.ERROR,
                        Messages.get("notify.down.title", service.name()), Messages.get("notify.down.text")));
            }
            if (service.certificateExpiry() != null
                    && Duration.between(now, service.certificateExpiry()).compareTo(CERTIFICATE_WARNING) < 0) {
                long days = Math.max(0, Duration.between(now, service.certificateExpiry()).toDays());
                add(out, current, new Notification("cert:" + service.id(), Notification.Level.WARNING,
                        Messages.get("notify.cert.title", service.name()), Messages.get("notify.cert.text", days)));
            }
        }
        boolean backupUnknown = status.backupHealth() == null && !status.serverProblem().isEmpty();
        if (status.backupHealth() == BackupHealth.FAILED) {
            add(out, current, new Notification("backup-failed", Notification.Level.WARNING,
                    Messages.get("notify.backup.failed.title"),
                    Messages.get("notify.backup.failed.text", status.backupError())));
        } else if (!backupUnknown && (status.lastBackup() == null
                || Duration.between(status.lastBackup(), now).compareTo(BACKUP_MAX_AGE) > 0)) {
            add(out, current, new Notification("backup", Notification.Level.WARNING,
                    Messages.get("notify.backup.title"), status.lastBackup() == null
                    ? Messages.get("notify.backup.never")
                    : Messages.get("notify.backup.text", Duration.between(status.lastBackup(), now).toHours())));
        }
        active.retainAll(current);
        return out;
    }

    private void add(List<Notification> out, Set<String> current, Notification notification) {
        current.add(notification.key());
        if (active.add(notification.key())) {
            out.add(notification);
        }
    }

    /** A deploy's end is always news. */
    public static Notification onRunFinished(ProgressEvent.RunFinished finished) {
        return switch (finished.outcome()) {
            case SUCCEEDED -> new Notification("deploy", Notification.Level.INFO,
                    Messages.get("notify.deploy.ok.title"), Messages.get("notify.deploy.ok.text", finished.stepsChanged()));
            case FAILED -> new Notification("deploy", Notification.Level.ERROR,
                    Messages.get("notify.deploy.failed.title"), Messages.get("notify.deploy.failed.text"));
            case CANCELLED -> new Notification("deploy", Notification.Level.INFO,
                    Messages.get("notify.deploy.cancelled.title"), Messages.get("deploy.cancelledRemedy"));
        };
    }
}
