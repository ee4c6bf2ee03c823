package org.openhaven.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.state.HavenLock;
import org.openhaven.engine.state.HavenStore;
import org.openhaven.engine.state.ServerHostKey;
import org.openhaven.engine.state.StateFile;

class TrustHostCommandTest {

    private static final String OLD = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
    private static final String NEW = "SHA256:" + "A".repeat(42) + "E";

    private static int run(Path home, StringWriter out, StringWriter err, String... args) {
        CliContext context = new CliContext(() -> null, new LenientTestSpecReader(), Terminal.system(),
                Map.of("OPENHAVEN_HOME", home.toString()), home);
        return OpenHavenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
    }

    @Test
    void trustHostReplacesThePinnedKeyInTheHome(@TempDir Path home) {
        KnownHostsFile.in(home).record("203.0.113.7", 22, OLD);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(home, out, err, "trust-host", "--host", "203.0.113.7", "--fingerprint", NEW);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Trusted " + NEW + " for 203.0.113.7:22 (replacing " + OLD + ")");
        assertThat(KnownHostsFile.in(home).pinned("203.0.113.7", 22)).hasValue(NEW);
    }

    @Test
    void trustHostUpdatesTheRecordOfEveryHavenOnThatServerAndNoOther(@TempDir Path home) {
        KnownHostsFile.in(home).record("203.0.113.7", 22, OLD);
        HavenStore store = new HavenStore(home);
        Instant firstContact = Instant.parse("2026-01-02T03:04:05Z");
        record(store, "family", new ServerHostKey("203.0.113.7", 22, OLD, firstContact));
        record(store, "work", new ServerHostKey("198.51.100.9", 22, OLD, firstContact));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(home, out, err, "trust-host", "--host", "203.0.113.7", "--fingerprint", NEW);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Recorded it in haven 'family'.").doesNotContain("'work'");
        ServerHostKey family = new StateFile(store.haven("family").stateFile(), "family").read().server();
        assertThat(family.fingerprint()).isEqualTo(NEW);
        assertThat(family.pinnedAt()).isAfter(firstContact);
        assertThat(new StateFile(store.haven("work").stateFile(), "work").read().server().fingerprint())
                .isEqualTo(OLD);
        assertThat(KnownHostsFile.in(home).pinned("203.0.113.7", 22)).hasValue(NEW);
    }

    @Test
    void trustHostWhileAnApplyHoldsTheHavensLockChangesNeitherRecordNorPin(@TempDir Path home) {
        KnownHostsFile.in(home).record("203.0.113.7", 22, OLD);
        HavenStore store = new HavenStore(home);
        record(store, "family", new ServerHostKey("203.0.113.7", 22, OLD, Instant.EPOCH));
        StringWriter err = new StringWriter();
        try (HavenLock held = HavenLock.acquire(store.haven("family").lockFile(), "openhaven apply", Instant.now())) {
            int code = run(home, new StringWriter(), err, "trust-host", "--host", "203.0.113.7", "--fingerprint", NEW);
            assertThat(code).isEqualTo(OpenHavenCli.LOCKED);
        }
        assertThat(err.toString()).contains("openhaven apply");
        assertThat(new StateFile(store.haven("family").stateFile(), "family").read().server().fingerprint())
                .isEqualTo(OLD);
        assertThat(KnownHostsFile.in(home).pinned("203.0.113.7", 22)).hasValue(OLD);
    }

    private static void record(HavenStore store, String haven, ServerHostKey key) {
        new StateFile(store.create(haven).stateFile(), haven).update(s -> s.withServer(key));
    }

    @Test
    void aMistypedFingerprintIsAUsageErrorAndChangesNothing(@TempDir Path home) {
        KnownHostsFile.in(home).record("h", 22, OLD);
        StringWriter err = new StringWriter();
        int code = run(home, new StringWriter(), err, "trust-host", "--host", "h", "--fingerprint", "SHA256:oops");
        assertThat(code).isEqualTo(OpenHavenCli.USAGE);
        assertThat(err.toString()).contains("not an SSH host key fingerprint");
        assertThat(KnownHostsFile.in(home).pinned("h", 22)).hasValue(OLD);
    }
}
