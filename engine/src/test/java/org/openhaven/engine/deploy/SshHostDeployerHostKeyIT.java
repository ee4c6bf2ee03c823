package org.openhaven.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.haven.HostTarget;
import org.openhaven.engine.haven.MetHostKey;
import org.openhaven.engine.plan.CancellationToken;
import org.openhaven.engine.plan.Deadline;
import org.openhaven.engine.remote.HostKeyChangedException;
import org.openhaven.engine.remote.KnownHostsFile;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.OpenSshServer;

/**
 * Host key pinning through the deployer's seam against a real OpenSSH server: first contact pins and says so, the
 * key the haven's state recorded is enforced even when {@code known_hosts} has lost its line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshHostDeployerHostKeyIT {

    private static final String WRONG = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
    private final SecretGenerators.SshKeyPair key = new SecretGenerators().ed25519("haven");
    private OpenSshServer sshd;

    @BeforeAll
    void start() throws Exception {
        sshd = OpenSshServer.start(key.publicKeyLine());
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private HostTarget target(String recordedHostKey) {
        return new HostTarget("127.0.0.1", sshd.port(), System.getProperty("user.name"), key.privateKeyPem(),
                recordedHostKey);
    }

    private static MetHostKey waitForSsh(SshHostDeployer deployer, HostTarget target, List<String> log) {
        return deployer.waitForSsh(target, Deadline.after(Clock.systemUTC(), Duration.ofSeconds(20), "SSH"),
                new CancellationToken(), log::add);
    }

    @Test
    void firstContactPinsTheKeyAndSaysSoLaterContactsDoNot(@TempDir Path home) {
        KnownHostsFile pins = KnownHostsFile.in(home);
        SshHostDeployer deployer = new SshHostDeployer(pins, "test@host");
        List<String> log = new ArrayList<>();

        assertThat(waitForSsh(deployer, target(null), log))
                .isEqualTo(new MetHostKey(sshd.hostKeyFingerprint(), true));
        assertThat(log).containsExactly("SSH works; host key " + sshd.hostKeyFingerprint());
        assertThat(pins.pinned("127.0.0.1", sshd.port())).hasValue(sshd.hostKeyFingerprint());
        assertThat(waitForSsh(deployer, target(null), log).firstContact()).isFalse();
    }

    @Test
    void theKeyTheStateRecordedIsEnforcedWhenKnownHostsLostItsLine(@TempDir Path home) {
        KnownHostsFile pins = KnownHostsFile.in(home);
        SshHostDeployer deployer = new SshHostDeployer(pins, "test@host");

        assertThatThrownBy(() -> waitForSsh(deployer, target(WRONG), new ArrayList<>()))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.pinned()).isEqualTo(WRONG);
                    assertThat(e.presented()).isEqualTo(sshd.hostKeyFingerprint());
                    assertThat(e.userMessage()).contains("presented a different SSH host key than the one recorded",
                            "rebuilt", "intercepts");
                    assertThat(e.remedy()).contains("openhaven trust-host --host 127.0.0.1 --port " + sshd.port()
                            + " --fingerprint " + sshd.hostKeyFingerprint());
                });
        assertThat(pins.pinned("127.0.0.1", sshd.port())).as("a refused key is never pinned").isEmpty();

        assertThat(waitForSsh(deployer, target(sshd.hostKeyFingerprint()), new ArrayList<>()))
                .as("the recorded key is no first contact").isEqualTo(new MetHostKey(sshd.hostKeyFingerprint(), false));
        assertThat(pins.pinned("127.0.0.1", sshd.port())).hasValue(sshd.hostKeyFingerprint());
    }
}
