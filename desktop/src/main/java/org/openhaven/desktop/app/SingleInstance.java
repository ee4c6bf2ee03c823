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
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure one process of each desktop role runs per user: the first one holds a file lock in the config dir
 * ({@code instance.lock} for the window, {@code tray.lock} for the tray) and listens on a loopback port written next
 * to it; a later launch finds the lock taken, sends the running one a request word, and backs off. The OS releases
 * the lock when a process dies, so a crash never blocks the next start.
 *
 * <p>The port carries request words only, never a secret: any local process can connect to it.
 */
public final class SingleInstance implements AutoCloseable {

    /** The window process's role. */
    public static final String WINDOW = "instance";
    /** The tray process's role. */
    public static final String TRAY = "tray";
    /** Asks the window to come to the front. */
    public static final String FOCUS = "focus";
    /** Asks the tray to show a window: its own, or a new one it starts. */
    public static final String OPEN_WINDOW = "open-window";

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final Set<String> REQUESTS = Set.of(FOCUS, OPEN_WINDOW);
    private static final int LONGEST_REQUEST = OPEN_WINDOW.length();

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, Consumer<String> onRequest) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        Thread listener = new Thread(() -> listen(onRequest), "openhaven-single-instance");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * Becomes the running window, or, when another one runs, asks it to focus and returns empty.
     *
     * @param onFocusRequest called (on a background thread) when a later launch asks us to come to the front
     */
    public static Optional<SingleInstance> acquire(Path configDir, Runnable onFocusRequest) throws IOException {
        Optional<SingleInstance> acquired = tryAcquire(configDir, WINDOW, request -> onFocusRequest.run());
        if (acquired.isEmpty()) {
            request(configDir, WINDOW, FOCUS);
        }
        return acquired;
    }

    /**
     * Becomes the running process of {@code role}, or returns empty when one already runs (and tells it nothing).
     *
     * @param onRequest called (on a background thread) with each request word a later launch sends
     */
    public static Optional<SingleInstance> tryAcquire(Path configDir, String role, Consumer<String> onRequest)
            throws IOException {
        Files.createDirectories(configDir);
        FileChannel channel = FileChannel.open(configDir.resolve(role + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Files.writeString(configDir.resolve(role + ".port"), Integer.toString(server.getLocalPort()));
        return Optional.of(new SingleInstance(channel, lock, server, onRequest));
    }

    /** Whether a process of {@code role} runs now (holds its lock). */
    public static boolean isRunning(Path configDir, String role) throws IOException {
        Path file = configDir.resolve(role + ".lock");
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /**
     * Sends a request word to the running process of {@code role}.
     *
     * @return whether it was delivered
     */
    public static boolean request(Path configDir, String role, String request) {
        try {
            int port = Integer.parseInt(Files.readString(configDir.resolve(role + ".port")).trim());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                 OutputStream out = socket.getOutputStream()) {
                out.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return true;
        } catch (IOException | NumberFormatException e) {
            LOG.info("Another OpenHaven ({}) holds the lock but did not answer ({})", role, e.getMessage());
            return false;
        }
    }

    private void listen(Consumer<String> onRequest) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                String word = new String(in.readNBytes(LONGEST_REQUEST + 1), StandardCharsets.US_ASCII).strip();
                if (REQUESTS.contains(word)) {
                    onRequest.accept(word);
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
