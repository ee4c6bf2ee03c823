package org.openhaven.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.testsupport.Requirements;

/** SSH protocol behaviour against Apache MINA SSHD embedded on a free loopback port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshConnectionMinaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final SecretGenerators.SshKeyPair havenKey = new SecretGenerators().ed25519("haven");
    private SshServer server;
    private Path sftpRoot;
    private SshTarget target;

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        Requirements.command("sh");
        sftpRoot = Files.createDirectories(dir.resolve("sftp"));
        String expected = fingerprintOfLine(havenKey.publicKeyLine());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey.ser")));
        server.setPublickeyAuthenticator((user, key, session) ->
                "haven".equals(user) && expected.equals(KeyUtils.getFingerPrint(key)));
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
        server.start();
        target = new SshTarget("127.0.0.1", server.getPort(), "haven");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.stop(true);
        }
    }

    @Test
    void firstContactReturnsTheServersSha256FingerprintAndLaterContactsAcceptThePin() throws Exception {
        String first;
        try (SshConnection c = SshConnection.open(target, havenKey.privateKeyPem(), null, TIMEOUT)) {
            first = c.hostKeyFingerprint();
        }
        PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        assertThat(first).isEqualTo(KeyUtils.getFingerPrint(hostKey)).startsWith("SHA256:");
        try (SshConnection c = SshConnection.open(target, havenKey.privateKeyPem(), first, TIMEOUT)) {
            assertThat(c.exec("true", null, OutputConsumer.IGNORE).exitCode()).isZero();
        }
    }

    @Test
    void changedHostKeyFailsHardExplainingCausesAndHowToReTrust() {
        String wrongPin = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThatThrownBy(() -> SshConnection.open(target, havenKey.privateKeyPem(), wrongPin, TIMEOUT))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.pinned()).isEqualTo(wrongPin);
                    assertThat(e.userMessage()).contains(wrongPin, e.presented(), "rebuilt", "IP address",
                            "intercepts");
                    assertThat(e.remedy()).contains("openhaven trust-host --host 127.0.0.1 --port " + target.port()
                            + " --fingerprint " + e.presented());
                });
    }

    @Test
    void aKeyTheServerDoesNotKnowIsReportedAsRefusedKey() {
        SecretGenerators.SshKeyPair stranger = new SecretGenerators().ed25519("stranger");
        assertThatThrownBy(() -> SshConnection.open(target, stranger.privateKeyPem(), null, TIMEOUT))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("did not accept the haven's key");
                    assertThat(e.getMessage()).doesNotContain("PRIVATE");
                });
    }

    @Test
    void unreachablePortIsANetworkErrorNamingHostAndPort() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SshTarget nowhere = new SshTarget("127.0.0.1", closed, "haven");
        assertThatThrownBy(() -> SshConnection.open(nowhere, havenKey.privateKeyPem(), null, TIMEOUT))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.userMessage()).contains("127.0.0.1:" + closed);
                });
    }

    @Test
    void execStreamsStdoutAndStderrLineByLineAndReturnsTheExitCode() {
        List<OutputLine> lines = new CopyOnWriteArrayList<>();
        ExecResult result;
        try (SshConnection c = SshConnection.open(target, havenKey.privateKeyPem(), null, TIMEOUT)) {
            result = c.exec("echo one; echo two >&2; echo three; exit 7", null, lines::add);
        }
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo("one\nthree\n");
        assertThat(result.stderr()).isEqualTo("two\n");
        assertThat(lines).containsExactlyInAnyOrder(new OutputLine(OutputLine.Stream.STDOUT, "one"),
                new OutputLine(OutputLine.Stream.STDERR, "two"), new OutputLine(OutputLine.Stream.STDOUT, "three"));
    }

    @Test
    void stdinReachesTheRemoteCommand() {
        try (SshConnection c = SshConnection.open(target, havenKey.privateKeyPem(), null, TIMEOUT)) {
            ExecResult result = c.exec("wc -c", new ByteArrayInputStream(new byte[12345]), OutputConsumer.IGNORE);
            assertThat(result.stdout().strip()).isEqualTo("12345");
        }
    }

    @Test
    void sftpUploadWritesTheContentWithTheRequestedMode() throws Exception {
        byte[] content = "SECRET=not-really\n".getBytes(StandardCharsets.UTF_8);
        try (SshConnection c = SshConnection.open(target, havenKey.privateKeyPem(), null, TIMEOUT)) {
            c.upload(content, "/dot.env", 0600);
            assertThat(c.download("/dot.env")).isEqualTo(content);
        }
        Path written = sftpRoot.resolve("dot.env");
        assertThat(Files.readAllBytes(written)).isEqualTo(content);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo("rw-------");
    }

    private static String fingerprintOfLine(String authorizedKeysLine) {
        return HostKeyFingerprint.ofBlob(Base64.getDecoder().decode(authorizedKeysLine.split(" ")[1]));
    }
}
