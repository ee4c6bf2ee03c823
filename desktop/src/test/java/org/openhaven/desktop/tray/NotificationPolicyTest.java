package org.openhaven.desktop.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.engine.HavenStatus;
import org.openhaven.desktop.engine.ServiceHealth;
import org.openhaven.engine.backup.BackupHealth;
import org.openhaven.engine.plan.ProgressEvent;

class NotificationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final NotificationPolicy policy = new NotificationPolicy();

    private static ServiceHealth service(String id, ServiceHealth.State state, Duration certLeft) {
        return new ServiceHealth(id, id.substring(0, 1).toUpperCase() + id.substring(1), "https://" + id + ".example.org",
                state, NOW.plus(certLeft));
    }

    private static HavenStatus status(Duration backupAge, ServiceHealth... services) {
        return new HavenStatus("h", List.of(services), NOW.minus(backupAge), false);
    }

    @Test
    void healthyHavenNeedsNoNotification() {
        assertThat(policy.onStatus(status(Duration.ofHours(3), service("gitea", ServiceHealth.State.UP,
                Duration.ofDays(60))), NOW)).isEmpty();
    }

    @Test
    void serviceDownIsToldOnceUntilItRecoversAndFailsAgain() {
        HavenStatus down = status(Duration.ofHours(3), service("gitea", ServiceHealth.State.DOWN, Duration.ofDays(60)));
        HavenStatus up = status(Duration.ofHours(3), service("gitea", ServiceHealth.State.UP, Duration.ofDays(60)));

        assertThat(policy.onStatus(down, NOW)).extracting(Notification::title).containsExactly("Gitea is down");
        assertThat(policy.onStatus(down, NOW)).isEmpty();
        assertThat(policy.onStatus(up, NOW)).isEmpty();
        assertThat(policy.onStatus(down, NOW)).extracting(Notification::key).containsExactly("down:gitea");
    }

    @Test
    void certificateExpiringWithinFourteenDaysWarns() {
        assertThat(policy.onStatus(status(Duration.ofHours(1),
                service("nextcloud", ServiceHealth.State.UP, Duration.ofDays(14).plusHours(1))), NOW)).isEmpty();
        assertThat(policy.onStatus(status(Duration.ofHours(1),
                service("nextcloud", ServiceHealth.State.UP, Duration.ofDays(13).plusHours(2))), NOW))
                .extracting(Notification::text).containsExactly(
                        "It expires in 13 days and has not renewed. Check that the domain still points at your server.");
    }

    @Test
    void aFailedBackupRunWarnsWithItsReason() {
        HavenStatus failed = new HavenStatus("h", List.of(service("gitea", ServiceHealth.State.UP, Duration.ofDays(60))),
                NOW.minus(Duration.ofHours(3)), false, BackupHealth.FAILED, "restic backup failed with exit code 1", "");
        assertThat(policy.onStatus(failed, NOW)).extracting(Notification::key, Notification::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("backup-failed", "The last backup run failed: restic backup failed"
                        + " with exit code 1 The dashboard shows the last one that worked."));
    }

    @Test
    void anUnreachableServerDoesNotClaimThatNoBackupRan() {
        HavenStatus unreachable = new HavenStatus("h", List.of(service("gitea", ServiceHealth.State.UP,
                Duration.ofDays(60))), null, false, null, "", "Could not connect.");
        assertThat(policy.onStatus(unreachable, NOW)).isEmpty();
    }

    @Test
    void backupOlderThanTwentySixHoursWarns() {
        ServiceHealth ok = service("gitea", ServiceHealth.State.UP, Duration.ofDays(60));
        assertThat(policy.onStatus(status(Duration.ofHours(26), ok), NOW)).isEmpty();
        assertThat(policy.onStatus(status(Duration.ofHours(27), ok), NOW))
                .extracting(Notification::key, Notification::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("backup", Notification.Level.WARNING));
    }

    @Test
    void deployEndIsAlwaysNews() {
        assertThat(NotificationPolicy.onRunFinished(new ProgressEvent.RunFinished(NOW, ProgressEvent.Outcome.FAILED,
                3, 1)).level()).isEqualTo(Notification.Level.ERROR);
        assertThat(NotificationPolicy.onRunFinished(new ProgressEvent.RunFinished(NOW,
                ProgressEvent.Outcome.SUCCEEDED, 9, 4)).text()).contains("4 steps");
    }
}
