package org.openhaven.desktop.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure one desktop app runs per user: the first instance holds a file lock in the config dir and listens
 * on a loopback port written next to it; a second launch finds the lock taken, asks the first to come to the
 * front, and exits. The OS releases the lock when a process dies, so a crash never blocks the next start.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final String FOCUS = "focus";

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Thread listener;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, Runnable onFocusRequest) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.listener = new Thread(() -> listen(onFocusRequest), "openhaven-single-instance");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /**
     * Becomes the running instance, or, when another one runs, asks it to focus and returns empty.
     *
     * @param onFocusRequest called (on a background thread) when a later launch asks us to come to the front
     */
    public static Optional<SingleInstance> acquire(Path configDir, Runnable onFocusRequest) throws IOException {
        Files.createDirectories(configDir);
        FileChannel channel = FileChannel.open(configDir.resolve("instance.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            askRunningInstanceToFocus(configDir);
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Files.writeString(configDir.resolve("instance.port"), Integer.toString(server.getLocalPort()));
        return Optional.of(new SingleInstance(channel, lock, server, onFocusRequest));
    }

    private static void askRunningInstanceToFocus(Path configDir) {
        try {
            int port = Integer.parseInt(Files.readString(configDir.resolve("instance.port")).trim());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                 OutputStream out = socket.getOutputStream()) {
                out.write((FOCUS + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.info("Another OpenHaven holds the lock but did not answer ({})", e.getMessage());
        }
    }

    private void listen(Runnable onFocusRequest) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                byte[] line = in.readNBytes(FOCUS.length());
                if (FOCUS.equals(new String(line, StandardCharsets.US_ASCII))) {
                    onFocusRequest.run();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("Ignored a bad single-instance request: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        lock.release();
        channel.close();
    }
}
