package org.openhaven.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhaven.desktop.engine.ScriptedTestEngine;
import org.openhaven.desktop.ui.Async;
import org.openhaven.engine.backup.BackupHealth;

class DashboardViewModelTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final ScriptedTestEngine engine = new ScriptedTestEngine().withClock(clock);
    private final DashboardViewModel vm = new DashboardViewModel(engine, Async.direct(), clock);

    @Test
    void refreshShowsServicesBackupAgeAndPeers() {
        vm.refresh();
        assertThat(vm.services()).extracting(s -> s.id()).containsExactly("vaultwarden", "nextcloud", "gitea");
        assertThat(vm.lastBackupProperty().get()).isEqualTo("Finished 5 hours ago");
        assertThat(vm.peers()).extracting(p -> p.name()).containsExactly("phone", "this-computer");
        assertThat(vm.certificateText(vm.services().get(2))).startsWith("expires in").endsWith("days!");
        assertThat(vm.certificateText(vm.services().get(0))).startsWith("renews in");
    }

    @Test
    void aFailedBackupRunShowsItsReasonAndTheLastSuccess() {
        engine.withBackup(BackupHealth.FAILED, clock.instant().minus(Duration.ofHours(30)),
                "restic backup failed with exit code 1", "");
        vm.refresh();
        assertThat(vm.lastBackupProperty().get())
                .isEqualTo("The last run failed: restic backup failed with exit code 1 Last success: 30 hours ago.");
    }

    @Test
    void anOverdueBackupSaysSoAndWhatToCheck() {
        engine.withBackup(BackupHealth.OVERDUE, clock.instant().minus(Duration.ofHours(30)), "", "");
        vm.refresh();
        assertThat(vm.lastBackupProperty().get()).isEqualTo("Overdue: the last one finished 30 hours ago. Check that"
                + " the server is on and the backup target reachable.");
    }

    @Test
    void noBackupYetIsSaidPlainly() {
        engine.withBackup(BackupHealth.NOT_YET_RUN, null, "", "");
        vm.refresh();
        assertThat(vm.lastBackupProperty().get()).isEqualTo("No backup has run yet");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anUnreachableServerGivesAStatusLineInsteadOfABackupGuess() {
        engine.withBackup(null, null, "", "Could not connect to 203.0.113.10:22. Check that the server is running.");
        vm.refresh();
        assertThat(vm.lastBackupProperty().get()).isEqualTo("Unknown: the server did not answer");
        assertThat(vm.errorProperty().get()).isEqualTo("The server's own status could not be read, so service health"
                + " comes from outside checks only. Could not connect to 203.0.113.10:22. Check that the server is"
                + " running.");
        assertThat(vm.services()).isNotEmpty();
    }

    @Test
    void peersAreAddedWithAValidUniqueNameAndRemoved() {
        vm.refresh();
        vm.newPeerNameProperty().set("Tablet!");
        vm.addPeer();
        assertThat(vm.errorProperty().get()).contains("lower-case letters");
        vm.newPeerNameProperty().set("phone");
        vm.addPeer();
        assertThat(vm.errorProperty().get()).contains("'phone' already exists");

        vm.newPeerNameProperty().set("tablet");
        vm.addPeer();
        assertThat(vm.peers()).extracting(p -> p.name()).containsExactly("phone", "this-computer", "tablet");
        assertThat(engine.vpnPeers()).extracting(p -> p.name()).contains("tablet");

        vm.removePeer(vm.peers().get(0));
        assertThat(vm.peers()).extracting(p -> p.name()).containsExactly("this-computer", "tablet");
        assertThat(vm.log()).hasSize(2).last().asString().endsWith("Removed VPN device phone.");
    }

    @Test
    void pollingRunsOnlyWhileShownAndNeverFasterThanThirtySeconds() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger refreshes = new AtomicInteger();
            Poller poller = new Poller(scheduler, refreshes::incrementAndGet, Poller.INTERVAL);
            assertThat(poller.isRunning()).isFalse();
            poller.setShown(true);
            assertThat(poller.isRunning()).isTrue();
            org.awaitility.Awaitility.await().until(() -> refreshes.get() == 1);
            poller.setShown(false);
            assertThat(poller.isRunning()).isFalse();
            assertThatThrownBy(() -> new Poller(scheduler, () -> { }, Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void applyChangesEditsTheDeployedSpecReviewsAndApplies() {
        AtomicInteger applied = new AtomicInteger();
        ChangesViewModel changes = new ChangesViewModel(engine, Async.direct(), engine.currentSpec(), 8192,
                applied::incrementAndGet);
        assertThat(changes.services().selected()).containsExactlyInAnyOrder("gitea", "nextcloud", "vaultwarden");
        changes.services().toggle("gitea", false);
        changes.toReview();
        assertThat(changes.stageProperty().get()).isEqualTo(ChangesViewModel.Stage.REVIEW);
        assertThat(changes.review().previewProperty().get().create()).doesNotContain("service gitea");
        changes.toApply();
        assertThat(applied.get()).isEqualTo(1);
        assertThat(changes.edited().serviceIds()).containsExactly("nextcloud", "vaultwarden");
    }
}
