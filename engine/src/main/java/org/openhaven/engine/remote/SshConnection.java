package org.openhaven.engine.remote;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.xfer.InMemorySourceFile;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection to a haven's server (SSHJ): Ed25519 key auth with the key held in memory,
 * a pinned host key, keepalives, exec with streamed output, and SFTP upload. Open it with
 * {@link #open(SshTarget, Secret, String, Duration)}; close it when done.
 */
public final class SshConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final int KEEPALIVE_SECONDS = 15;

    private final SshTarget target;
    private final SSHClient client;
    private final String hostKeyFingerprint;

    private SshConnection(SshTarget target, SSHClient client, String hostKeyFingerprint) {
        this.target = target;
        this.client = client;
        this.hostKeyFingerprint = hostKeyFingerprint;
    }

    /**
     * Connects and logs in.
     *
     * @param privateKeyPem the haven's private key (OpenSSH PEM), parsed in memory and never written to disk
     * @param pinnedFingerprint the host key recorded at first contact ({@code SHA256:…}), or null on first contact:
     *                          then the presented key is accepted and returned by {@link #hostKeyFingerprint()}
     *                          for the caller to record
     * @throws HostKeyChangedException when the server presents another key than the pinned one
     * @throws OpenHavenException      AUTH when the key is refused, NETWORK when the server cannot be reached
     */
    public static SshConnection open(SshTarget target, Secret privateKeyPem, String pinnedFingerprint,
            Duration timeout) {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(net.schmizz.keepalive.KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(pinnedFingerprint);
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) timeout.toMillis());
        client.setTimeout((int) Math.max(timeout.toMillis(), Duration.ofMinutes(10).toMillis()));
        try {
            client.connect(target.host(), target.port());
            client.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
            KeyProvider key = client.loadKeys(privateKeyPem.reveal(), null, null);
            client.authPublickey(target.user(), key);
        } catch (IOException e) {
            closeQuietly(client);
            throw SshErrors.connectFailed(target, verifier, e);
        }
        LOG.debug("connected to {} (host key {})", target.describe(), verifier.presented());
        return new SshConnection(target, client, verifier.presented());
    }

    public SshTarget target() {
        return target;
    }

    /** The server's host key fingerprint ({@code SHA256:…}); record it on first contact. */
    public String hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    /**
     * Runs one shell line through the login user's shell, streaming output line by line, and returns how it
     * ended. {@code stdin} (may be null) is copied to the command and then closed.
     */
    public ExecResult exec(String shellLine, InputStream stdin, OutputConsumer output) {
        try (Session session = client.startSession()) {
            Session.Command command = session.exec(shellLine);
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread errReader = pump(command.getErrorStream(), OutputLine.Stream.STDERR, err, output);
            Thread outReader = pump(command.getInputStream(), OutputLine.Stream.STDOUT, out, output);
            try (OutputStream toRemote = command.getOutputStream()) {
                if (stdin != null) {
                    stdin.transferTo(toRemote);
                }
            }
            outReader.join();
            errReader.join();
            command.join();
            Integer status = command.getExitStatus();
            if (status == null) {
                throw OpenHavenException.of(ErrorCategory.REMOTE_COMMAND,
                                "A command on " + target.address() + " ended without an exit status "
                                        + "(it was killed or the connection dropped).")
                        .remedy("Run the command again; if it keeps failing, check the server's memory and logs.")
                        .retryable(true)
                        .build();
            }
            return new ExecResult(status, out.toString(), err.toString());
        } catch (IOException e) {
            throw SshErrors.lost(target, "running a command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpenHavenException.of(ErrorCategory.CANCELLED, "Cancelled while a command ran on the server.")
                    .build();
        }
    }

    /** Uploads bytes to a file over SFTP, with the given permission bits (octal, e.g. 0600). */
    public void upload(byte[] content, String remotePath, int mode) {
        try (SFTPClient sftp = client.newSFTPClient()) {
            sftp.getFileTransfer().upload(new BytesSource(remotePath, content, mode), remotePath);
            sftp.chmod(remotePath, mode);
        } catch (IOException e) {
            throw SshErrors.lost(target, "uploading " + remotePath, e);
        }
    }

    /** Reads a remote file over SFTP. */
    public byte[] download(String remotePath) {
        try (SFTPClient sftp = client.newSFTPClient();
                net.schmizz.sshj.sftp.RemoteFile file = sftp.open(remotePath);
                InputStream in = file.new RemoteFileInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw SshErrors.lost(target, "reading " + remotePath, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static Thread pump(InputStream stream, OutputLine.Stream which, StringBuilder into,
            OutputConsumer output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (into) {
                        into.append(line).append('\n');
                    }
                    output.accept(new OutputLine(which, line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "ssh-" + which.name().toLowerCase(java.util.Locale.ROOT));
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("disconnect failed", e);
        }
    }

    /** An in-memory SFTP source, so uploaded content never touches the local disk. */
    private static final class BytesSource extends InMemorySourceFile {
        private final String name;
        private final byte[] content;
        private final int mode;

        BytesSource(String path, byte[] content, int mode) {
            this.name = path.substring(path.lastIndexOf('/') + 1);
            this.content = content;
            this.mode = mode;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public long getLength() {
            return content.length;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public int getPermissions() {
            return mode;
        }
    }
}
