package org.openhaven.desktop.companion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end of the pipe between the window process and the tray process: a daemon thread reads the other side's
 * lines and hands each understood message on; {@link #send} writes. The other process exiting closes the pipe,
 * which ends the reading with {@code onClosed}.
 */
public final class CompanionLink {

    private static final Logger LOG = LoggerFactory.getLogger(CompanionLink.class);

    private final CompanionWriter writer;

    private CompanionLink(OutputStream out) {
        this.writer = new CompanionWriter(out);
    }

    /**
     * Starts reading {@code in} on a daemon thread.
     *
     * @param other     how the other process is named in the log ("tray", "window")
     * @param onMessage called on the reading thread with each message, in order
     * @param onClosed  called on the reading thread once the other side closed the pipe (it exited)
     */
    public static CompanionLink open(String other, InputStream in, OutputStream out,
                                     Consumer<CompanionMessage> onMessage, Runnable onClosed) {
        CompanionLink link = new CompanionLink(out);
        Thread reader = new Thread(() -> read(other, in, onMessage, onClosed), "openhaven-" + other + "-link");
        reader.setDaemon(true);
        reader.start();
        return link;
    }

    /** Reads until end of stream; the lines themselves are never logged (an unlock line holds a passphrase). */
    static void read(String other, InputStream in, Consumer<CompanionMessage> onMessage, Runnable onClosed) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<CompanionMessage> message = CompanionParser.parse(line);
                if (message.isPresent()) {
                    onMessage.accept(message.get());
                } else {
                    LOG.info("Ignored a line from the {} process that is not a known message ({} characters)",
                            other, line.length());
                }
            }
        } catch (IOException e) {
            LOG.info("The pipe to the {} process broke: {}", other, e.getMessage());
        }
        onClosed.run();
    }

    /** @return whether the message was written (false once the other process is gone) */
    public boolean send(CompanionMessage message) {
        return writer.send(message);
    }
}
