package org.openhaven.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.testsupport.Requirements;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void stateSurvivesAReadBackAndEveryChangeBumpsTheRevision() {
        StateFile file = new StateFile(dir.resolve("state.json"), "h");
        file.update(s -> s.withResource(new ResourceRecord("server", ResourceKind.SERVER, "42", "h-server",
                Map.of("size", "cx22"), Map.of("ipv4", "192.0.2.1"))));
        file.update(s -> s.withJournal(new JournalEntry("ensure-server", JournalEntry.Status.DONE,
                Instant.parse("2026-01-01T00:00:00Z"), "created", "fp")));

        HavenState read = new StateFile(dir.resolve("state.json"), "h").read();

        assertThat(read.revision()).isEqualTo(2);
        assertThat(read.resource("server").orElseThrow().attributes()).containsEntry("ipv4", "192.0.2.1");
        assertThat(read.journalEntry("ensure-server").orElseThrow().summary()).isEqualTo("created");
    }

    @Test
    void aDamagedStateFileIsReportedWithARemedyNotAStackTrace() throws Exception {
        Files.writeString(dir.resolve("state.json"), "{ not json");
        assertThatThrownBy(() -> new StateFile(dir.resolve("state.json"), "h").read())
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.userMessage()).contains("is damaged");
                    assertThat(e.remedy()).contains("openhaven=h");
                });
    }

    @Test
    void atomicWritesLeaveNoTempFilesAndAreOwnerOnly() throws Exception {
        Requirements.linux();
        AtomicFiles.write(dir.resolve("f.json"), "one".getBytes());
        AtomicFiles.write(dir.resolve("f.json"), "two".getBytes());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("f.json");
        }
        assertThat(Files.readString(dir.resolve("f.json"))).isEqualTo("two");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("f.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theLockNamesItsHolderAndIsReleasedOnClose() {
        Path lockFile = dir.resolve("apply.lock");
        try (HavenLock lock = HavenLock.acquire(lockFile, "openhaven apply", Instant.parse("2026-11-24T09:00:00Z"))) {
            assertThat(HavenLock.read(lockFile)).contains(lock.holder());
            assertThatThrownBy(() -> HavenLock.acquire(lockFile, "openhaven destroy", Instant.now()))
                    .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.LOCKED);
                        assertThat(e.userMessage()).isEqualTo("This haven is locked by " + lock.holder().describe() + ".");
                    });
        }
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void aLockFileLeftEmptyByACrashStillLocksAndUnlockRemovesIt() throws Exception {
        Path lockFile = dir.resolve("apply.lock");
        Files.writeString(lockFile, "");
        assertThatThrownBy(() -> HavenLock.acquire(lockFile, "openhaven apply", Instant.now()))
                .hasMessageContaining("unreadable").isInstanceOfSatisfying(OpenHavenException.class,
                        e -> assertThat(e.remedy()).contains("openhaven unlock"));
        assertThat(HavenLock.forceRelease(lockFile)).isPresent();
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void havenNamesAreCheckedAndListedSorted() {
        HavenStore store = new HavenStore(dir);
        store.create("zeta");
        store.create("alpha");
        assertThat(store.list()).containsExactly("alpha", "zeta");
        assertThatThrownBy(() -> store.haven("../etc")).hasMessageContaining("not a valid haven name");
    }
}
