package org.openhaven.engine.haven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.backup.RecoveryKit;
import org.openhaven.engine.backup.ResticRepository;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.spec.BackupSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.testsupport.TestHavens;

/** The recovery's checks and words that the CLI and the desktop share; the run itself is BackupAndRecoverySystemIT's. */
class HavenRecoveryTest {

    private static final BackupSpec BACKUP = new BackupSpec("https://s3.example.test", "eu-1", "haven-backups", "home",
            null, null);
    private static final HavenSpec SPEC = TestHavens.withBackup(TestHavens.cloudSpec("home"), BACKUP);
    private static final RecoveryKit KIT = new RecoveryKit("home", "home.example.org", ResticRepository.of(BACKUP),
            Secret.of("kit-password"), Instant.parse("2026-11-24T20:30:00Z"));

    @Test
    void confirmationSaysANewPaidServerDnsMovesAndTheOldServerIsKept() {
        assertThat(HavenRecovery.confirmation(KIT, Optional.empty())).isEqualTo("Recovering creates a NEW server for "
                + "home at its provider (a paid resource), points home.example.org at it and restores every service "
                + "from the newest backup. The old server is kept, never deleted.");
        assertThat(HavenRecovery.confirmation(KIT, Optional.of("bbbb2222"))).contains("from snapshot bbbb2222.");
    }

    @Test
    void aKitForAnotherHavenIsRefusedNamingBoth() {
        HavenSpec other = TestHavens.withBackup(TestHavens.cloudSpec("work"), BACKUP);
        assertThatThrownBy(() -> HavenRecovery.requireMatches(other, KIT)).isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("'home' (home.example.org)").hasMessageContaining("'work' (work.example.org)");
    }

    @Test
    void aSpecWhoseBackupsAreElsewhereIsRefused() {
        HavenSpec moved = TestHavens.withBackup(SPEC, new BackupSpec("https://s3.example.test", "eu-1",
                "other-bucket", "home", null, null));
        assertThatThrownBy(() -> HavenRecovery.requireMatches(moved, KIT)).isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("other-bucket");
    }

    @Test
    void theMatchingSpecPasses() {
        HavenRecovery.requireMatches(SPEC, KIT);
    }

    @Test
    void storageKeysFromTheEnvironmentIgnoreBlankValues() {
        assertThat(HavenRecovery.storageKeyFromEnv(Map.of(HavenRecovery.KEY_ID_ENV, " "), HavenRecovery.KEY_ID_ENV))
                .isEmpty();
        assertThat(HavenRecovery.storageKeyFromEnv(Map.of(HavenRecovery.KEY_ID_ENV, "id"), HavenRecovery.KEY_ID_ENV))
                .hasValue(Secret.of("id"));
    }
}
