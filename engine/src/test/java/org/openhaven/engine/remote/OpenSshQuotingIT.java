package org.openhaven.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.OpenSshServer;
import org.openhaven.engine.testsupport.Requirements;

/** Quoting proven end to end: hostile arguments through a real OpenSSH server and a real shell come back unchanged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshQuotingIT {

    private static final List<String> HOSTILE = List.of(
            "plain", "two words", "it's", "\"double\"", "$(touch /tmp/openhaven-pwned)", "`id`", "$HOME",
            "line one\nline two", "back\\slash", "semi;colon && echo no", "*", "-n", "", "tab\there", "'", "'\"'\"'");

    private final SecretGenerators.SshKeyPair key = new SecretGenerators().ed25519("haven");
    private OpenSshServer sshd;
    private String user;

    @BeforeAll
    void start() throws Exception {
        sshd = OpenSshServer.start(key.publicKeyLine());
        user = System.getProperty("user.name");
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void hostileArgumentsSurviveTheRoundTripThroughRealSshd() {
        try (SshConnection c = open()) {
            ExecResult result = new SshExecutor(c).run(printf(), OutputConsumer.IGNORE);
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).isEqualTo(expected());
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/openhaven-pwned"))).isFalse();
    }

    @Test
    void hostileArgumentsSurviveBatchingAndSudo() {
        Requirements.command("sudo");
        RemoteCommand batched = Shell.script("print twice", printf(), printf());
        try (SshConnection c = open()) {
            ExecResult viaSudo = c.exec(SshExecutor.wireLine(batched, false), null, OutputConsumer.IGNORE);
            assertThat(viaSudo.stderr()).isEmpty();
            assertThat(viaSudo.stdout()).isEqualTo(expected() + expected());
        }
    }

    @Test
    void hostKeyFingerprintMatchesWhatSshKeygenPrints() {
        try (SshConnection c = open()) {
            assertThat(c.hostKeyFingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        }
    }

    private SshConnection open() {
        return SshConnection.open(new SshTarget("127.0.0.1", sshd.port(), user), key.privateKeyPem(), null,
                Duration.ofSeconds(10));
    }

    private static RemoteCommand printf() {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(HOSTILE);
        return new RemoteCommand(argv, "print hostile arguments");
    }

    private static String expected() {
        return String.join("\n", HOSTILE) + "\n";
    }
}
