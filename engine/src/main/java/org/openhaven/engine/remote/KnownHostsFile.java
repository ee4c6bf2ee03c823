package org.openhaven.engine.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.state.AtomicFiles;

/**
 * Pinned host keys in a small file of the OpenHaven home ({@code known_hosts}: one {@code host:port SHA256:…}
 * line per server), written atomically. {@link #trust} replaces a pin on purpose, for {@code openhaven trust-host}.
 */
public final class KnownHostsFile implements HostKeyPins {

    public static final String FILE_NAME = "known_hosts";
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private final Path file;

    public KnownHostsFile(Path file) {
        this.file = file;
    }

    /** The file in an OpenHaven home directory. */
    public static KnownHostsFile in(Path havenHome) {
        return new KnownHostsFile(havenHome.resolve(FILE_NAME));
    }

    @Override
    public synchronized Optional<String> pinned(String host, int port) {
        return Optional.ofNullable(read().get(key(host, port)));
    }

    /** Records the first key seen; an existing pin is never overwritten here. */
    @Override
    public synchronized void record(String host, int port, String fingerprint) {
        Map<String, String> pins = read();
        if (pins.putIfAbsent(key(host, port), requireFingerprint(fingerprint)) == null) {
            write(pins);
        }
    }

    /** Replaces the pin for a server on purpose (after the user checked the new key); returns the old one. */
    public synchronized Optional<String> trust(String host, int port, String fingerprint) {
        Map<String, String> pins = read();
        String old = pins.put(key(host, port), requireFingerprint(fingerprint));
        write(pins);
        return Optional.ofNullable(old);
    }

    @Override
    public synchronized void forget(String host, int port) {
        Map<String, String> pins = read();
        if (pins.remove(key(host, port)) != null) {
            write(pins);
        }
    }

    public static boolean isFingerprint(String value) {
        return value != null && FINGERPRINT.matcher(value).matches();
    }

    private static String requireFingerprint(String value) {
        if (!isFingerprint(value)) {
            throw OpenHavenException.config("'" + value + "' is not an SSH host key fingerprint.",
                    "Copy it exactly as shown, like SHA256:followed by 43 letters, digits, '+' or '/'.");
        }
        return value;
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    private Map<String, String> read() {
        Map<String, String> pins = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return pins;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !line.startsWith("#")) {
                    pins.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pins;
    }

    private void write(Map<String, String> pins) {
        StringBuilder text = new StringBuilder("# SSH host keys pinned by OpenHaven: host:port fingerprint\n");
        pins.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
