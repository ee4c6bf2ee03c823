package org.openhaven.engine.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Waits until a server answers on its SSH port with an SSH banner, polling with a growing pause until a
 * deadline. A fresh cloud server takes a minute or two to boot; this is the wait between "running" and "SSH works".
 */
public final class Reachability {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final Clock clock;
    private final Sleeper sleeper;

    public Reachability() {
        this(Clock.systemUTC(), Sleeper.REAL);
    }

    public Reachability(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Returns once {@code host:port} sends an SSH banner.
     *
     * @throws OpenHavenException NETWORK naming host:port when the deadline passes first
     */
    public void awaitSsh(SshTarget target, Duration deadline) {
        Instant until = clock.instant().plus(deadline);
        Duration pause = FIRST_PAUSE;
        while (true) {
            if (answersSsh(target, Duration.ofSeconds(5))) {
                return;
            }
            if (!clock.instant().plus(pause).isBefore(until)) {
                throw OpenHavenException.of(ErrorCategory.NETWORK,
                                "The server " + target.address() + " did not answer on its SSH port within "
                                        + deadline.toSeconds() + " seconds.")
                        .remedy("Check in the provider's console that the server booted, that the address is "
                                + "right and that port " + target.port() + " is open; then run the command again.")
                        .build();
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OpenHavenException.of(ErrorCategory.CANCELLED, "Cancelled while waiting for the server.")
                        .build();
            }
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Whether the port accepts a TCP connection and starts with "SSH-", as every SSH server's banner does. */
    static boolean answersSsh(SshTarget target, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            byte[] banner = socket.getInputStream().readNBytes(4);
            return "SSH-".equals(new String(banner, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits between attempts; a test passes one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
