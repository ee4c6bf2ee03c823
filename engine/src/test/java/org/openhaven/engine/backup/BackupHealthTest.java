package org.openhaven.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static Optional<BackupStatus> status(boolean succeeded, Instant lastSuccessAt) {
        Optional<BackupStatus.Snapshot> last = lastSuccessAt == null ? Optional.empty()
                : Optional.of(new BackupStatus.Snapshot("abc", "scheduled", lastSuccessAt, 1, 1, Duration.ZERO));
        return Optional.of(new BackupStatus(succeeded, NOW.minusSeconds(60), NOW.minusSeconds(30),
                succeeded ? Optional.empty() : Optional.of("restic backup failed with exit code 1"), last));
    }

    @Test
    void recentSuccessIsHealthy() {
        assertThat(BackupHealth.assess(status(true, NOW.minus(Duration.ofHours(25))), NOW))
                .isEqualTo(BackupHealth.HEALTHY);
    }

    @Test
    void successOlderThan26HoursIsOverdue() {
        assertThat(BackupHealth.assess(status(true, NOW.minus(Duration.ofHours(26)).minusSeconds(1)), NOW))
                .isEqualTo(BackupHealth.OVERDUE);
        assertThat(BackupHealth.assess(status(true, NOW.minus(Duration.ofHours(26))), NOW))
                .isEqualTo(BackupHealth.HEALTHY);
    }

    @Test
    void failedRunOutranksARecentSuccess() {
        BackupHealth health = BackupHealth.assess(status(false, NOW.minusSeconds(3600)), NOW);
        assertThat(health).isEqualTo(BackupHealth.FAILED);
        assertThat(health.needsAttention()).isTrue();
    }

    @Test
    void noStatusYetIsNotAnAlarm() {
        assertThat(BackupHealth.assess(Optional.empty(), NOW)).isEqualTo(BackupHealth.NOT_YET_RUN);
        assertThat(BackupHealth.NOT_YET_RUN.needsAttention()).isFalse();
    }
}
